package com.finmatch.portal;

import java.util.LinkedHashMap;
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
}
