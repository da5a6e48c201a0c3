package com.finmatch.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON objects as a service would return them, for stubbed clients. */
final class TestJson {
    private TestJson() {
    }

    static Map<String, Object> obj(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** A JSON object (as {@link #obj}) read as a generated client's model, the way the REST client reads it. */
    static <T> T as(Class<T> type, Object json) {
        return com.finmatch.portal.client.ClientJson.mapper().convertValue(json, type);
    }

    /** A generated model (e.g. a request the portal sent) as its JSON object, absent fields left out. */
    static Map<String, Object> json(Object model) {
        return com.finmatch.portal.client.ClientJson.object(model);
    }

    /**
     * enterprise-service's {@code /reference/data-categories} as it answers: the categories of the platform's contract
     * file (read from the source tree, so the portal's tests follow the one definition).
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> contractDataCategories() {
        try {
            Map<String, Object> contract = new ObjectMapper().readValue(
                    Path.of("../platform/src/main/resources/contracts/data-categories.json").toFile(), Map.class);
            return (List<Map<String, Object>>) contract.get("categories");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
