package com.finmatch.testing;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The committed OpenAPI documents ({@code docs/openapi/<service>.yaml}) against what a service serves at
 * {@code /q/openapi}: a service test calls {@link #assertServedDocumentIsCommitted(String)}, which fails on any
 * difference. After a deliberate API change, refresh the file with {@code -Dopenapi.refresh=true} (the test then
 * rewrites it and passes) and commit the diff (docs/openapi/README.md).
 */
public final class OpenApiDocuments {

    /** System property that makes the check rewrite the committed document instead of comparing. */
    public static final String REFRESH = "openapi.refresh";

    private OpenApiDocuments() {
    }

    /** {@code docs/openapi} of the repository, found from the working directory (a module or the root). */
    public static Path directory() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("openapi");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docs/openapi above " + Paths.get("").toAbsolutePath());
    }

    public static Path committed(String service) {
        return directory().resolve(service + ".yaml");
    }

    /** The document the running service under test serves (YAML, as committed). */
    public static String served() {
        return RestAssured.given().accept("application/yaml").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
    }

    /** Fails, naming the first differing line, unless the served document equals the committed one. */
    public static void assertServedDocumentIsCommitted(String service) {
        String served = served();
        Path file = committed(service);
        try {
            if (Boolean.getBoolean(REFRESH)) {
                Files.writeString(file, served, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError(file + " is missing: run the test with -D" + REFRESH + "=true and commit it");
            }
            String committed = Files.readString(file, StandardCharsets.UTF_8);
            if (!committed.equals(served)) {
                throw new AssertionError(service + " serves a different OpenAPI document than " + file + ":\n"
                        + firstDifference(committed, served) + "\nIf the change is intended, run the test with -D"
                        + REFRESH + "=true and commit the file (docs/openapi/README.md).");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String firstDifference(String committed, String served) {
        List<String> a = committed.lines().toList();
        List<String> b = served.lines().toList();
        int line = 0;
        while (line < a.size() && line < b.size() && a.get(line).equals(b.get(line))) {
            line++;
        }
        return "line " + (line + 1) + ":\n  committed: " + (line < a.size() ? a.get(line) : "<end of file>")
                + "\n  served:    " + (line < b.size() ? b.get(line) : "<end of document>");
    }

    /** An answer of {@code document} as written, or the component answer it references ({@code $ref}). */
    public static com.fasterxml.jackson.databind.JsonNode answer(com.fasterxml.jackson.databind.JsonNode document,
            com.fasterxml.jackson.databind.JsonNode response) {
        String prefix = "#/components/responses/";
        String ref = response.path("$ref").asText("");
        return ref.startsWith(prefix)
                ? document.path("components").path("responses").path(ref.substring(prefix.length())) : response;
    }
}
