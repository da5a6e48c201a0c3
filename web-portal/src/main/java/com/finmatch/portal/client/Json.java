package com.finmatch.portal.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object as the services return it. The portal owns no domain: it shows what the services say, by the field
 * names of CONTRACT.md, and tolerates fields it does not know yet.
 */
public final class Json {
    private Json() {
    }

    public static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(Map<String, Object> page) {
        if (page == null) {
            return List.of();
        }
        Object items = page.get("items");
        return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** Lists may come as a page {items,…} or as a plain array: both become a list. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object body) {
        if (body instanceof List<?> l) {
            return (List<Map<String, Object>>) l;
        }
        if (body instanceof Map<?, ?> m) {
            return items((Map<String, Object>) m);
        }
        return List.of();
    }

    public static String text(Map<String, Object> object, String field) {
        Object v = object == null ? null : object.get(field);
        return v == null ? null : v.toString();
    }
}
