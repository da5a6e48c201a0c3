package com.finmatch.loan.service;

import com.finmatch.platform.http.ProblemException;

/** Optimistic updates: the If-Match of a PUT must name the version the caller read (428 missing, 412 stale). */
final class Preconditions {

    private Preconditions() {
    }

    static void ifMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "").trim();
        if (!tag.equals(Long.toString(currentVersion))) {
            throw ProblemException.preconditionFailed();
        }
    }
}
