package com.finmatch.testing.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The inputs that gave a 500 before issue 12 §3, as an attacker would try them on every operation of a service:
 * each must be a 400 problem+json naming the field. Returns what went wrong (empty: nothing).
 */
public final class HostileRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code page × size} = 2,147,483,800 — one more row offset than an int holds. */
    public static final String OVERFLOWING_PAGE = "?page=10737419&size=200";

    private HostileRequests() {
    }

    /** {@code ?page=10737419&size=200} on every paged list. */
    public static List<String> overflowingPages(List<ApiOperation> operations, CorpusRun caller) {
        List<String> wrong = new ArrayList<>();
        for (ApiOperation list : operations.stream().filter(ApiOperation::isPagedList).toList()) {
            expect400(wrong, list, OVERFLOWING_PAGE, caller.call(list, OVERFLOWING_PAGE, get()), "page");
        }
        return wrong;
    }

    /** A number of 1,001 digits and JSON nested 1,001 deep, as the body of every operation that takes JSON. */
    public static List<String> oversizedJson(List<ApiOperation> operations, CorpusRun caller) {
        List<String> wrong = new ArrayList<>();
        for (ApiOperation write : operations.stream().filter(ApiOperation::takesJson).toList()) {
            for (String body : List.of("{\"amount\": " + "9".repeat(1001) + "}", "[".repeat(1001) + "]".repeat(1001),
                    "{\"a\":".repeat(1001) + "1" + "}".repeat(1001))) {
                expect400(wrong, write, "", caller.call(write, "", json(body)), "body");
            }
        }
        return wrong;
    }

    /** {@code parameter=value} on every GET that takes the query parameter {@code parameter}: a 400 naming it. */
    public static List<String> queryParameter(List<ApiOperation> operations, CorpusRun caller, String parameter,
            String value) {
        return queryParameters(operations, caller, Map.of(parameter, value), parameter);
    }

    /** The query {@code values} on every GET that takes all of its parameters: a 400 naming {@code field}. */
    public static List<String> queryParameters(List<ApiOperation> operations, CorpusRun caller,
            Map<String, String> values, String field) {
        List<String> wrong = new ArrayList<>();
        Predicate<ApiOperation> takesThem = o -> o.method().equals("GET") && values.keySet().stream().allMatch(
                name -> o.parameters().stream().anyMatch(p -> p.in().equals("query") && p.name().equals(name)));
        String query = values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&", "?", ""));
        for (ApiOperation op : operations.stream().filter(takesThem).toList()) {
            expect400(wrong, op, query, caller.call(op, query, get()), field);
        }
        return wrong;
    }

    /** Checks that {@code response} is a 400 problem naming {@code field}, else notes why not. */
    public static void expect400(List<String> wrong, ApiOperation op, String query, HttpResponse<String> response,
            String field) {
        String what = op.method() + " " + op.path() + query + " → " + response.statusCode() + " "
                + abbreviate(response.body());
        if (response.statusCode() != 400
                || !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            wrong.add(what);
            return;
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            boolean named = false;
            for (JsonNode v : problem.path("violations")) {
                named |= v.path("field").asText().equals(field) || v.path("field").asText().startsWith(field + ".")
                        || v.path("field").asText().startsWith(field + "[");
            }
            if (!named) {
                wrong.add(what + " (does not name " + field + ")");
            }
        } catch (java.io.IOException e) {
            wrong.add(what);
        }
    }

    public static BadRequest json(String body) {
        return new BadRequest("hostile", "body", "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static BadRequest get() {
        return new BadRequest("hostile", "query", null, new byte[0]);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
