package com.finmatch.testing.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The operations a running service serves, read from its own {@code /q/openapi}: a new endpoint is covered by the
 * bad-input tests without anyone listing it.
 */
public final class ApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private ApiOperations() {
    }

    /** The base URI of the service under test (the {@code @QuarkusTest}'s, as rest-assured knows it). */
    public static URI base() {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port);
    }

    /** Every operation of the service under test, in the document's order. */
    public static List<ApiOperation> served() {
        try {
            // HTTP/1.1: the JDK client's default h2c upgrade once read the answer as an HTTP/2 frame (ci-14)
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    base().resolve("/q/openapi?format=json")).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/q/openapi answered " + response.statusCode());
            }
            return parse(JSON.readTree(response.body()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read /q/openapi", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<ApiOperation> parse(JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                List<ApiOperation.Parameter> parameters = new ArrayList<>();
                for (JsonNode list : List.of(path.getValue().path("parameters"), operation.path("parameters"))) {
                    for (JsonNode p : list) {
                        JsonNode resolved = resolve(document, p, 0);
                        parameters.add(new ApiOperation.Parameter(resolved.path("name").asText(),
                                resolved.path("in").asText(), resolve(document, resolved.path("schema"), 0)));
                    }
                }
                JsonNode content = operation.path("requestBody").path("content");
                List<String> consumes = new ArrayList<>();
                content.fieldNames().forEachRemaining(consumes::add);
                JsonNode schema = null;
                for (String type : consumes) {
                    if (type.contains("json")) {
                        schema = resolve(document, content.path(type).path("schema"), 0);
                    }
                }
                operations.add(new ApiOperation(method.toUpperCase(), path.getKey(), parameters, schema, consumes));
            }
        }
        return operations;
    }

    /** The schema with every {@code $ref} replaced by what it names (a chain of more than 8 references, a recursive schema, is cut). */
    static JsonNode resolve(JsonNode document, JsonNode node, int depth) {
        if (node == null || node.isMissingNode() || depth > 8) {
            return node;
        }
        if (node.has("$ref")) {
            String[] parts = node.get("$ref").asText().replaceFirst("^#/", "").split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.path(part);
            }
            return resolve(document, target, depth + 1);
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), resolve(document, f.getValue(), depth)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(resolve(document, element, depth)));
            return copy;
        }
        return node;
    }
}
