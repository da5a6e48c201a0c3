package com.finmatch.enterprise.service;

import com.finmatch.platform.http.Problem;
import com.finmatch.platform.http.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** Collects the invalid fields a service finds beyond Bean Validation, and answers them all at once with a 400. */
final class Violations {

    private final List<Problem.Violation> found = new ArrayList<>();

    Violations add(String field, String message) {
        found.add(new Problem.Violation(field, message));
        return this;
    }

    Violations check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw ProblemException.invalid(found);
        }
    }
}
