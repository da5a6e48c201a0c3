package com.finmatch.testing.badinput;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One operation of a service's served OpenAPI document: what the bad-input tests need to call it — its method and
 * path, its parameters, the JSON schema of its body (references resolved) and the media types it consumes.
 */
public record ApiOperation(String method, String path, List<Parameter> parameters, JsonNode bodySchema,
        List<String> consumes) {

    /** A path, query or header parameter. */
    public record Parameter(String name, String in, JsonNode schema) {
    }

    /** Whether the operation changes something (every method but GET, HEAD and OPTIONS). */
    public boolean isWrite() {
        return !List.of("GET", "HEAD", "OPTIONS").contains(method);
    }

    /** Whether the operation is a list that takes {@code page} and {@code size}. */
    public boolean isPagedList() {
        return method.equals("GET") && parameters.stream().anyMatch(p -> p.in().equals("query") && p.name().equals("page"));
    }

    /** Whether it takes a JSON body. */
    public boolean takesJson() {
        return consumes.stream().anyMatch(c -> c.contains("json"));
    }

    public String key() {
        return method + " " + path;
    }

    @Override
    public String toString() {
        return key();
    }
}
