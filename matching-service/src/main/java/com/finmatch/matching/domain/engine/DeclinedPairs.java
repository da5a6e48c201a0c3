package com.finmatch.matching.domain.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The (need, product) pairs a bank declined: such a product is never recommended (nor a near miss) for that need
 * again. Kept both ways, so that a changed need and a changed product each find theirs in one lookup; no empty sets.
 */
final class DeclinedPairs {

    private final Map<String, Set<String>> productsByNeed = new HashMap<>();
    private final Map<String, Set<String>> needsByProduct = new HashMap<>();

    /** Marks or unmarks the pair. @return true when that changed anything */
    boolean mark(String needId, String productId, boolean declined) {
        boolean changed = mark(productsByNeed, needId, productId, declined);
        mark(needsByProduct, productId, needId, declined);
        return changed;
    }

    /** Forgets every pair of this need (the need left this engine). */
    void forgetNeed(String needId) {
        Set<String> products = productsByNeed.remove(needId);
        if (products != null) {
            for (String product : products) {
                mark(needsByProduct, product, needId, false);
            }
        }
    }

    boolean contains(String needId, String productId) {
        return productsByNeed.getOrDefault(needId, Set.of()).contains(productId);
    }

    /** The products declined for this need. */
    Set<String> productsOf(String needId) {
        return productsByNeed.getOrDefault(needId, Set.of());
    }

    /** The needs this product was declined for. */
    Set<String> needsOf(String productId) {
        return needsByProduct.getOrDefault(productId, Set.of());
    }

    private static boolean mark(Map<String, Set<String>> map, String key, String value, boolean present) {
        if (present) {
            return map.computeIfAbsent(key, k -> new TreeSet<>()).add(value);
        }
        Set<String> set = map.get(key);
        if (set == null || !set.remove(value)) {
            return false;
        }
        if (set.isEmpty()) {
            map.remove(key);
        }
        return true;
    }
}
