package com.finmatch.e2e.authz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.devstack.Stack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * JSON over HTTP as one actor, with the replies the matrix needs (status, body, content type). Every call is bounded:
 * connecting within {@link #CONNECT_TIMEOUT}, the whole exchange — head and body — within {@link #CALL_TIMEOUT}, else
 * the call is abandoned and answers status {@link #TIMED_OUT} (which the matrix counts as a failure, never as a pass).
 * A {@code text/event-stream} answer is judged by its head alone: the stream is closed as soon as the head arrived,
 * never read to its end. A 429 is waited out as its {@code Retry-After} says (a few times at most), so the rate limiter
 * cannot stand in for an authorization answer.
 */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ENTERPRISE = Stack.ENTERPRISE.url() + "/api/v1";
    static final String LOAN = Stack.LOAN.url() + "/api/v1";
    static final String MATCHING = Stack.MATCHING.url() + "/api/v1";

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** The status of a reply that did not come within {@link #CALL_TIMEOUT} or could not be had at all. */
    static final int TIMED_OUT = -1;
    static final String EVENT_STREAM = "text/event-stream";
    private static final int RATE_LIMIT_RETRIES = 3;
    private static final long MAX_RETRY_AFTER_SECONDS = 65;

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    private Api() {
    }

    record Reply(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return JSON.nullNode();
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean problemJson() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        String brief() {
            String b = body == null ? "" : body.replaceAll("\\s+", " ");
            return status + " " + (b.length() > 300 ? b.substring(0, 300) + "…" : b);
        }
    }

    static Reply call(Actor actor, String method, String url, Object body, Map<String, String> headers) {
        return call(actor.token(), method, url, body, headers);
    }

    /** A request with a raw bearer token ({@code null}: no Authorization header at all). */
    static Reply call(String token, String method, String url, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(CALL_TIMEOUT)
                .header("Accept", "application/json, application/problem+json, */*");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body != null && !headers.containsKey("Content-Type")) { // a String body with its own type is sent as is
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        HttpRequest built = request.build();
        for (int attempt = 0; ; attempt++) {
            Exchange e = send(built);
            if (e.reply().status() != 429 || attempt == RATE_LIMIT_RETRIES) {
                return e.reply();
            }
            sleepSeconds(Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, e.retryAfterSeconds())));
        }
    }

    static Reply get(Actor actor, String url) {
        return call(actor, "GET", url, null, Map.of());
    }

    static Reply post(Actor actor, String url, Object body) {
        return call(actor, "POST", url, body, Map.of());
    }

    /** The reply's JSON, failing with the reply when the status is not 2xx. */
    static JsonNode ok(Reply r, String what) {
        if (!r.ok()) {
            throw new AssertionError(what + ": " + r.brief());
        }
        return r.json();
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ bounded exchange

    private record Exchange(Reply reply, long retryAfterSeconds) {
    }

    /** One exchange, abandoned (and its connection closed) when head and body are not in within the bound. */
    private static Exchange send(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> future = CLIENT.sendAsync(request, Api::headOnlyForStreams);
        try {
            HttpResponse<String> r = future.get(CALL_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS);
            String contentType = r.headers().firstValue("Content-Type").orElse(null);
            long retryAfter = r.headers().firstValue("Retry-After").map(Api::seconds).orElse(1L);
            return new Exchange(new Reply(r.statusCode(), r.body(), contentType), retryAfter);
        } catch (TimeoutException e) {
            future.cancel(true);
            return failed(request, "no complete answer within " + CALL_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return failed(request, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(request, "interrupted");
        }
    }

    private static Exchange failed(HttpRequest request, String why) {
        return new Exchange(new Reply(TIMED_OUT, request.method() + " " + request.uri() + ": " + why, null), 0);
    }

    /**
     * The body as a string — except for an event stream, which never ends by itself: its subscription is cancelled at
     * once (closing the connection) and the body is empty, so the head (status, content type) is all that is judged.
     */
    private static HttpResponse.BodySubscriber<String> headOnlyForStreams(HttpResponse.ResponseInfo info) {
        boolean stream = info.headers().firstValue("Content-Type").map(t -> t.startsWith(EVENT_STREAM)).orElse(false);
        return stream ? new ClosingSubscriber() : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
    }

    /** Takes no item of the body: cancels the subscription on arrival and completes with an empty body. */
    private static final class ClosingSubscriber implements HttpResponse.BodySubscriber<String> {
        private final CompletableFuture<String> body = new CompletableFuture<>();

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
            body.complete("");
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable throwable) {
            body.complete("");
        }

        @Override
        public void onComplete() {
            body.complete("");
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void sleepSeconds(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
