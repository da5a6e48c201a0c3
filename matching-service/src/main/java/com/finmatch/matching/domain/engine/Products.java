package com.finmatch.matching.domain.engine;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Every product the engine has seen (any status), by slot: its compiled state and its slot by id. */
final class Products {

    private final Map<String, Integer> slots = new HashMap<>();
    ProductState[] states = new ProductState[16];
    int count;

    /** The slot of a known product, null otherwise. */
    Integer slotOf(String id) {
        return slots.get(id);
    }

    /** The state of a product, added in a new slot when the id is new (grow the index to {@link #capacity}). */
    ProductState stateOf(String id) {
        Integer slot = slots.get(id);
        if (slot != null) {
            return states[slot];
        }
        int s = count++;
        if (s >= states.length) {
            states = Arrays.copyOf(states, states.length * 2);
        }
        long[] id128 = idBits(id);
        ProductState p = new ProductState(s, id128[0], id128[1]);
        states[s] = p;
        slots.put(id, s);
        return p;
    }

    /** The slots there is room for (the product index has a bit for each). */
    int capacity() {
        return states.length;
    }

    Collection<ProductState> all() {
        return Arrays.asList(states).subList(0, count);
    }

    /** The product id as two unsigned longs, ordered like the canonical (lower-case) UUID text. */
    static long[] idBits(String id) {
        try {
            UUID u = UUID.fromString(id);
            return new long[] {u.getMostSignificantBits(), u.getLeastSignificantBits()};
        } catch (IllegalArgumentException notAUuid) {
            byte[] b = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            long high = 0;
            long low = 0;
            for (int i = 0; i < 16; i++) {
                long v = i < b.length ? b[i] & 0xff : 0;
                if (i < 8) {
                    high = (high << 8) | v;
                } else {
                    low = (low << 8) | v;
                }
            }
            return new long[] {high, low};
        }
    }
}
