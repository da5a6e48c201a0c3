package com.finmatch.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem document, the body of every 4xx/5xx answer (CONTRACT.md, Errors). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: the field (a JSON path such as {@code rules[2].operator}) and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeFor(status), title, status, detail, null);
    }

    public static Problem invalid(String detail, List<Violation> violations) {
        return new Problem(typeFor(400), "Invalid input", 400, detail, violations);
    }

    private static String typeFor(int status) {
        return "https://finmatch.example/problems/" + status;
    }
}
