package com.finmatch.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** A small JSON-over-HTTP client on java.net.http. */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private Http() {
    }

    /** A response; status -1 when the server could not be reached. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.nullNode();
            }
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String header(String name) {
            return raw == null ? null : raw.headers().firstValue(name).orElse(null);
        }

        public String brief() {
            String b = body == null ? "" : body.replaceAll("\\s+", " ");
            return status + (b.isEmpty() ? "" : " " + (b.length() > 200 ? b.substring(0, 200) + "…" : b));
        }
    }

    public static Response get(String url, String token) {
        return send(builder(url, token).GET().build());
    }

    public static Response postJson(String url, String token, Object body) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(builder(url, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static Response postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(builder(url, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** True when GET url answers 200 within a second or two. */
    public static boolean answers200(String url) {
        return get(url, null).status() == 200;
    }

    private static HttpRequest.Builder builder(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /**
     * Bounded as a whole: the request's timeout only covers the response head, so the body is awaited within the same
     * time again and the exchange is abandoned (status -1) after that — no call can hang its caller.
     */
    private static Response send(HttpRequest request) {
        var future = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long bound = request.timeout().orElse(Duration.ofSeconds(30)).toSeconds() * 2;
        try {
            HttpResponse<String> r = future.get(bound, TimeUnit.SECONDS);
            return new Response(r.statusCode(), r.body(), r);
        } catch (ExecutionException e) {
            return new Response(-1, String.valueOf(e.getCause()), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Response(-1, "no complete answer within " + bound + " s", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, "interrupted", null);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
