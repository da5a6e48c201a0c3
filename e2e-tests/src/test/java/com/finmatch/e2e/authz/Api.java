package com.finmatch.e2e.authz;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.devstack.Stack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** JSON over HTTP as one actor, with the replies the matrix needs (status, body, content type). */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ENTERPRISE = Stack.ENTERPRISE.url() + "/api/v1";
    static final String LOAN = Stack.LOAN.url() + "/api/v1";
    static final String MATCHING = Stack.MATCHING.url() + "/api/v1";

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
        RequestSpecification spec = given().redirects().follow(false);
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        headers.forEach(spec::header);
        if (body != null) {
            spec.contentType(ContentType.JSON).body(body instanceof String s ? s : write(body));
        }
        Response r = spec.request(method, url);
        return new Reply(r.statusCode(), r.asString(), r.contentType());
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
}
