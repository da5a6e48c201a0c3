package com.finmatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The roles a service's served OpenAPI document names for each operation ({@code x-roles-allowed}, written by
 * platform's {@code PlatformOpenApiFilter}) are the roles the running service enforces: every operation is called
 * without a token and with a token of each realm role. Expected: no token 401 on a secured operation; a role the
 * document does not name 403; a role it names (or {@code **}, any signed-in caller) gets past the role check.
 * <p>
 * Every call carries a query parameter with a control character, which platform's {@code QueryParameterCheck} refuses
 * with 400 — after the role check and before any resource runs. So a caller holding the role gets that 400 and nothing
 * is created, changed or started, whatever the operation does; a caller without it gets 403 first.
 */
public final class DocumentedRoles {

    /** The extension naming the roles of a secured operation (docs/openapi/README.md). */
    public static final String EXTENSION = "x-roles-allowed";
    /** Any signed-in caller ({@code @Authenticated}, Quarkus' {@code @RolesAllowed("**")}). */
    public static final String ANY_ROLE = "**";
    /** The query parameter each call carries; its value (U+0001) is refused with 400 past the role check. */
    static final String PROBE = "roleProbe";
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private DocumentedRoles() {
    }

    /** One call's result, as a row of the printed table. */
    record Call(String operation, String caller, List<String> documented, int expected, int status) {
        boolean right() {
            return expected == status;
        }
    }

    /**
     * Calls every operation of the served document as no one and as each realm role ({@link Tokens#REALM_ROLES}) and
     * fails, listing each, on every answer that differs from what the document says.
     */
    public static void assertEnforcedAsDocumented() {
        Map<String, String> tokens = new LinkedHashMap<>();
        String subject = "roles-" + UUID.randomUUID();
        Tokens.REALM_ROLES.forEach(role -> tokens.put(role, Tokens.forRole(role, subject)));
        List<Call> calls = callEveryOperation(tokens);
        List<String> wrong = calls.stream().filter(c -> !c.right()).map(c -> c.operation() + " as " + c.caller()
                + " (documented " + c.documented() + "): expected " + c.expected() + ", got " + c.status()).toList();
        System.out.println("documented roles vs enforced: " + calls.size() + " calls, " + wrong.size() + " wrong");
        if (calls.isEmpty() || !wrong.isEmpty()) {
            throw new AssertionError(wrong.size() + " of " + calls.size() + " calls disagree with the document's "
                    + EXTENSION + ":\n" + String.join("\n", wrong));
        }
    }

    static List<Call> callEveryOperation(Map<String, String> tokens) {
        JsonNode doc = servedDocument();
        List<Call> calls = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            if (!METHODS.contains(m.getKey())) {
                return;
            }
            JsonNode op = m.getValue();
            boolean secured = !op.path("security").isEmpty() || !doc.path("security").isEmpty();
            List<String> documented = new ArrayList<>();
            op.path(EXTENSION).forEach(r -> documented.add(r.asText()));
            if (secured && !op.has(EXTENSION)) {
                throw new AssertionError(m.getKey() + " " + path.getKey() + " is secured but names no " + EXTENSION);
            }
            for (String role : documented) {
                if (!role.equals(ANY_ROLE) && !tokens.containsKey(role)) {
                    throw new AssertionError(m.getKey() + " " + path.getKey() + " names role " + role
                            + ", which is no realm role of Tokens.REALM_ROLES");
                }
            }
            String name = m.getKey().toUpperCase() + " " + path.getKey();
            String url = url(doc, path.getKey(), op);
            calls.add(new Call(name, "no token", documented, secured ? 401 : 400, call(m.getKey(), url, op, null)));
            tokens.forEach((role, token) -> {
                boolean allowed = !secured || documented.contains(ANY_ROLE) || documented.contains(role);
                calls.add(new Call(name, role, documented, allowed ? 400 : 403, call(m.getKey(), url, op, token)));
            });
        }));
        return calls;
    }

    /**
     * One call; an operation that takes a body gets its documented media type (else routing refuses it with 415 before
     * any role check) and an empty object (a multipart body: one empty part).
     */
    private static int call(String method, String url, JsonNode op, String token) {
        RequestSpecification request = RestAssured.given().queryParam(PROBE, "\u0001");
        java.util.Iterator<String> mediaTypes = op.path("requestBody").path("content").fieldNames();
        if (mediaTypes.hasNext()) {
            String mediaType = mediaTypes.next();
            if (mediaType.startsWith("multipart/")) {
                request.multiPart("probe", "");
            } else {
                request.contentType(mediaType).body(mediaType.contains("json") ? "{}" : "");
            }
        }
        if (token != null) {
            request.auth().oauth2(token);
        }
        Response response = request.request(method.toUpperCase(), url);
        return response.statusCode();
    }

    /** The path with each parameter filled: a random UUID where the schema says uuid, else a plain code. */
    private static String url(JsonNode doc, String template, JsonNode op) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode p : op.path("parameters")) {
            JsonNode schema = p.path("schema");
            while (schema.has("$ref")) {
                schema = doc.at(schema.get("$ref").asText().substring(1));
            }
            values.put(p.path("name").asText(), "uuid".equals(schema.path("format").asText())
                    ? UUID.randomUUID().toString() : "2099-01-01");
        }
        Matcher m = PARAM.matcher(template);
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(url, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "X")));
        }
        m.appendTail(url);
        return url.toString();
    }

    private static JsonNode servedDocument() {
        String json = RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
