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

    /** A free-text query parameter: at most {@code max} characters, no control characters. */
    Violations text(String field, String value, int max) {
        if (value != null) {
            check(value.length() <= max, field, "must be at most " + max + " characters");
            check(value.chars().noneMatch(Character::isISOControl), field, "must not contain control characters");
        }
        return this;
    }

    /** The constant of {@code type} named by a query parameter; null, and a violation, when there is none. */
    <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            add(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw ProblemException.invalid(found);
        }
    }
}
