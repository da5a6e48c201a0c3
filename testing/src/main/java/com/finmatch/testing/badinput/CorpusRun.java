package com.finmatch.testing.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a {@link BadInputCorpus} to every write operation of the service under test and checks each answer: never a
 * 5xx; every error is application/problem+json with its status; every 400 names at least one field; and a request
 * that was refused left every table as it was ({@link DatabaseSnapshot}). Collects every breach instead of stopping
 * at the first, and counts the answers per operation and status.
 */
public final class CorpusRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The "status" counted when the server closed the connection instead of answering (an oversized body). */
    public static final int CLOSED = 0;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    /** HTTP/1.1: an oversized body must meet the server's limit, not an h2c upgrade that the server ends. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final DatabaseSnapshot database;
    private final Function<ApiOperation, String> token;
    private final java.util.function.BiFunction<String, String, String> pathParameter;
    private final Map<String, Map<Integer, Integer>> counts = new TreeMap<>();
    private final List<String> breaches = new ArrayList<>();
    private int sent;
    private java.util.function.Consumer<HttpResponse<String>> afterAccepted = response -> {
    };

    /**
     * @param database      the service's tables
     * @param token         the bearer token to call an operation with (null: none)
     * @param pathParameter the value of a path parameter, given the path template and its name (e.g. an object the
     *                      caller owns); null: a random UUID
     */
    public CorpusRun(DatabaseSnapshot database, Function<ApiOperation, String> token,
            java.util.function.BiFunction<String, String, String> pathParameter) {
        this.database = database;
        this.token = token;
        this.pathParameter = pathParameter;
    }

    /**
     * For each operation, the first of {@code tokens} it admits (an empty JSON body answered neither 401 nor 403), or
     * the last token when none is admitted; remembered per operation.
     */
    public static Function<ApiOperation, String> firstAdmitted(List<String> tokens,
            java.util.function.BiFunction<String, String, String> pathParameter) {
        return firstAdmitted(tokens, pathParameter, response -> {
        });
    }

    /**
     * As {@link #firstAdmitted(List, java.util.function.BiFunction)}, and a probe the operation accepted (it may have
     * started a job) is handed to {@code afterAccepted} before the token is returned, so the corpus's first request
     * does not meet what the probe started.
     */
    public static Function<ApiOperation, String> firstAdmitted(List<String> tokens,
            java.util.function.BiFunction<String, String, String> pathParameter,
            java.util.function.Consumer<HttpResponse<String>> afterAccepted) {
        Map<String, String> chosen = new java.util.concurrent.ConcurrentHashMap<>();
        CorpusRun probe = new CorpusRun(null, o -> null, pathParameter);
        return operation -> chosen.computeIfAbsent(operation.key(), k -> {
            for (String token : tokens) {
                HttpResponse<String> response = probe.send(operation.method(), probe.concretePath(operation.path()),
                        token, new BadRequest("probe", "body", "application/json", "{}".getBytes()));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    afterAccepted.accept(response);
                }
                if (status != 401 && status != 403) {
                    return token;
                }
            }
            return tokens.get(tokens.size() - 1);
        });
    }

    /** What to wait for after an accepted request, before the tables are read again (e.g. a job it started). */
    public CorpusRun afterAccepted(java.util.function.Consumer<HttpResponse<String>> wait) {
        this.afterAccepted = wait;
        return this;
    }

    /** Sends one request to {@code operation}, with its token and path parameters. */
    public HttpResponse<String> call(ApiOperation operation, String query, BadRequest request) {
        return send(operation.method(), concretePath(operation.path()) + query, token.apply(operation), request);
    }

    /**
     * Sends the corpus to every write operation of {@code operations}: {@code perJsonOperation} requests to one that
     * takes JSON (spoiling the valid body {@code validBodies} gives by operation key, or one made from its schema),
     * {@code perOtherOperation} to one without a body.
     */
    public void runWrites(List<ApiOperation> operations, BadInputCorpus corpus, Map<String, String> validBodies,
            int perJsonOperation, int perOtherOperation) {
        for (ApiOperation write : operations.stream().filter(ApiOperation::isWrite).toList()) {
            String body = validBodies.get(write.key());
            try {
                run(write, corpus.requests(write, body == null ? null : JSON.readTree(body),
                        write.takesJson() ? perJsonOperation : perOtherOperation));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("the valid body of " + write + " is no JSON", e);
            }
        }
    }

    /** Sends {@code requests} to {@code operation}, checking each answer. */
    public void run(ApiOperation operation, List<BadRequest> requests) {
        String path = concretePath(operation.path());
        String bearer = token.apply(operation);
        Map<String, String> before = database.settled();
        for (BadRequest request : requests) {
            HttpResponse<String> response;
            try {
                response = send(operation.method(), path, bearer, request);
            } catch (IllegalStateException closed) {
                if (!request.kind().equals("oversized body")) {
                    throw closed;
                }
                // the server refused the body by closing the connection before reading it all: nothing stored
                sent++;
                counts.computeIfAbsent(operation.key(), k -> new TreeMap<>()).merge(CLOSED, 1, Integer::sum);
                checkUnchanged(operation.key() + " ← " + request.describe() + " → closed ", before);
                continue;
            }
            sent++;
            int status = response.statusCode();
            counts.computeIfAbsent(operation.key(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
            String what = operation.key() + " ← " + request.describe() + " → " + status + " ";
            if (status >= 500) {
                breach(what + abbreviate(response.body()));
            } else if (status >= 400) {
                checkProblem(what, status, response);
                if (!checkUnchanged(what, before)) {
                    before = database.settled();
                }
            } else {
                afterAccepted.accept(response);
                before = database.settled();
            }
        }
    }

    /** Whether every table is as {@code before}; a breach when not. */
    private boolean checkUnchanged(String what, Map<String, String> before) {
        List<String> changed = DatabaseSnapshot.changed(before, database.take());
        if (!changed.isEmpty()) {
            breach(what + "was refused but changed " + changed);
        }
        return changed.isEmpty();
    }

    private void checkProblem(String what, int status, HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            breach(what + "has Content-Type '" + type + "', not application/problem+json: " + abbreviate(response.body()));
            return;
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem.path("status").asInt() != status) {
                breach(what + "problem status " + problem.path("status") + " differs");
            }
            if (status == 400) {
                JsonNode violations = problem.path("violations");
                boolean named = violations.isArray() && violations.size() > 0;
                for (JsonNode v : violations) {
                    named &= !v.path("field").asText().isBlank() && !v.path("message").asText().isBlank();
                }
                if (!named) {
                    breach(what + "names no field: " + abbreviate(response.body()));
                }
            }
        } catch (java.io.IOException e) {
            breach(what + "body is no JSON: " + abbreviate(response.body()));
        }
    }

    private HttpResponse<String> send(String method, String path, String bearer, BadRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(ApiOperations.base().resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (method.equals("PUT")) {
            builder.header("If-Match", currentETag(path, bearer));
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + request.describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The ETag a GET of the object gives now (so that a PUT reaches its validation), or a made-up one. */
    private String currentETag(String path, String bearer) {
        HttpRequest.Builder get = HttpRequest.newBuilder(ApiOperations.base().resolve(path)).GET();
        if (bearer != null) {
            get.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(get.build(), HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag")
                    .orElse("\"0\"");
        } catch (java.io.IOException e) {
            return "\"0\"";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "\"0\"";
        }
    }

    private String concretePath(String template) {
        Matcher m = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = pathParameter.apply(template, m.group(1));
            m.appendReplacement(path, Matcher.quoteReplacement(value != null ? value : UUID.randomUUID().toString()));
        }
        m.appendTail(path);
        return path.toString();
    }

    private void breach(String what) {
        if (breaches.size() < 500) {
            breaches.add(what);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    public int sent() {
        return sent;
    }

    public List<String> breaches() {
        return breaches;
    }

    /** Requests per operation and status, one line per operation, and the total. */
    public String report() {
        StringBuilder out = new StringBuilder();
        Map<Integer, Integer> total = new TreeMap<>();
        counts.forEach((operation, statuses) -> {
            out.append(String.format("%-70s %5d  %s%n", operation,
                    statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses));
            statuses.forEach((s, n) -> total.merge(s, n, Integer::sum));
        });
        out.append(String.format("%-70s %5d  %s%n", "total (" + counts.size() + " operations)", sent, total));
        return out.toString();
    }
}
