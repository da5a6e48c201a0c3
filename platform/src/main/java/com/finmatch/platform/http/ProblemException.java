package com.finmatch.platform.http;

import java.util.List;

/** Thrown by service code for an answer the contract names; mapped to problem+json by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 404 — also what a caller gets for an object that exists but is not theirs (OWASP API1). */
    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "Not found", what + " not found"));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(Problem.of(422, "Unprocessable", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Forbidden", detail));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(field + ": " + message, List.of(new Problem.Violation(field, message))));
    }

    public static ProblemException invalid(List<Problem.Violation> violations) {
        return new ProblemException(Problem.invalid("the request has " + violations.size() + " invalid field(s)",
                violations));
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(Problem.of(428, "Precondition required",
                "send the ETag of the version you change in If-Match"));
    }

    public static ProblemException preconditionFailed() {
        return new ProblemException(Problem.of(412, "Precondition failed",
                "the object was changed since you read it: read it again and retry"));
    }
}
