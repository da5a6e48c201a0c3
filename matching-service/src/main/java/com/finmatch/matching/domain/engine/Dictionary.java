package com.finmatch.matching.domain.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Codes of one field interned to small dense ids, so that columns hold ints and set fields hold bit masks. */
final class Dictionary {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    /** The id of a value, added if new; -1 for null. */
    synchronized int intern(String value) {
        if (value == null) {
            return -1;
        }
        Integer id = ids.get(value);
        if (id == null) {
            id = values.size();
            ids.put(value, id);
            values.add(value);
        }
        return id;
    }

    /** The id of a known value, -1 otherwise. */
    synchronized int find(String value) {
        Integer id = value == null ? null : ids.get(value);
        return id == null ? -1 : id;
    }

    synchronized String value(int id) {
        return id < 0 || id >= values.size() ? null : values.get(id);
    }

    synchronized int size() {
        return values.size();
    }
}
