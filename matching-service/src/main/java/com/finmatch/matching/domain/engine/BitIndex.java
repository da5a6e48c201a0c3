package com.finmatch.matching.domain.engine;

import java.util.Arrays;

/**
 * The index: bit sets over need slots and over product slots, by the same dimensions. Needs by district, cluster and
 * size class (a row per key), tags, guarantee types, amount band, and threshold rows of the ordered fields
 * ({@link #RANGED}); products by the keys their hard rules allow on those dimensions, required tags, guarantee types
 * and the amount bands they cover. A dimension key is code + 1 of a value (0 = value missing).
 */
final class BitIndex {

    static final Field[] DIMENSIONS = {Field.DISTRICT_CODE, Field.CLUSTER_CODE, Field.SIZE_CLASS};
    static final int BANDS = 40;
    /** Ordered enterprise fields indexed by thresholds: a row per threshold holds the needs whose value is ≥ it. */
    static final Field[] RANGED = {Field.ANNUAL_REVENUE, Field.YEARS_IN_BUSINESS, Field.CREDIT_RATING};
    static final double[][] THRESHOLDS = {geometric(100_000, 2, 28), linear(0, 1, 61), linear(0, 1, 20)};

    private final Columns c;
    private final Products products;

    // needs
    int needWords = Bits.words(16);
    long[] openNeeds = new long[needWords];
    final long[][][] needsByDimension = new long[DIMENSIONS.length][][];
    final int[] dimensionKeys = new int[DIMENSIONS.length];
    final long[][] needsByTag = new long[64][];
    final long[][] needsByGuarantee = new long[64][];
    final long[][] needsByBand = new long[BANDS][];
    final long[][][] needsAtLeast = new long[RANGED.length][][];

    // products
    int productWords = Bits.words(16);
    long[] activeProducts = new long[productWords];
    final long[][][] productsByDimension = new long[DIMENSIONS.length][][];
    final long[][] productsRequiringTag = new long[64][];
    final long[][] productsByGuarantee = new long[64][];
    final long[][] productsByBand = new long[BANDS][];
    long requiredTagsOfAnyProduct;

    BitIndex(Columns c, Products products) {
        this.c = c;
        this.products = products;
        for (int d = 0; d < DIMENSIONS.length; d++) {
            needsByDimension[d] = new long[0][];
            productsByDimension[d] = new long[0][];
        }
        for (int f = 0; f < RANGED.length; f++) {
            needsAtLeast[f] = new long[THRESHOLDS[f].length][];
        }
        ensureDimensionKeys(2, Field.SIZE_CLASS.scale().size() + 1);
    }

    /** key = code + 1 of a need's (enterprise's) value on a dimension (0 = missing), read from the need's row. */
    int dimensionKey(int d, int need) {
        Field f = DIMENSIONS[d];
        if (f.numeric()) {
            double position = c.numbers(f)[need];
            return Double.isNaN(position) ? 0 : (int) position + 1;
        }
        return c.codes(f)[need] + 1;
    }

    /** Makes sure both indexes have a row for every key below {@code keys} on dimension d. */
    private void ensureDimensionKeys(int d, int keys) {
        if (keys <= dimensionKeys[d]) {
            return;
        }
        int old = dimensionKeys[d];
        needsByDimension[d] = Arrays.copyOf(needsByDimension[d], keys);
        productsByDimension[d] = Arrays.copyOf(productsByDimension[d], keys);
        for (int key = old; key < keys; key++) {
            needsByDimension[d][key] = new long[needWords];
            productsByDimension[d][key] = new long[productWords];
        }
        dimensionKeys[d] = keys;
        for (int p = 0; p < products.count; p++) {
            ProductState product = products.states[p];
            for (int key = old; key < keys; key++) {
                Bits.set(productsByDimension[d][key], p, product.active && accepts(product, d, key));
            }
            if (product.constrains(d)) {
                splitKeys(product, d);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ needs

    /** Sets (an open need) or clears (a closed or changing one) a need's bits in every row. */
    void setNeedBits(int need, boolean value) {
        Bits.set(openNeeds, need, value);
        for (int d = 0; d < DIMENSIONS.length; d++) {
            int key = dimensionKey(d, need);
            if (value) {
                ensureDimensionKeys(d, key + 1);
            }
            Bits.set(needRow(needsByDimension[d], key), need, value);
        }
        setMaskBits(needsByTag, c.sets(Field.TAGS)[need], need, value);
        setMaskBits(needsByGuarantee, c.sets(Field.GUARANTEE_TYPES)[need], need, value);
        int band = band(c.numbers(Field.AMOUNT)[need]);
        if (band >= 0) {
            Bits.set(needRow(needsByBand, band), need, value);
        }
        for (int f = 0; f < RANGED.length; f++) {
            double v = c.numbers(RANGED[f])[need];
            double[] thresholds = THRESHOLDS[f];
            for (int j = 0; j < thresholds.length && v >= thresholds[j]; j++) {
                Bits.set(needRow(needsAtLeast[f], j), need, value);
            }
        }
    }

    private void setMaskBits(long[][] table, long mask, int need, boolean value) {
        for (long m = mask; m != 0; m &= m - 1) {
            Bits.set(needRow(table, Long.numberOfTrailingZeros(m)), need, value);
        }
    }

    private long[] needRow(long[][] table, int key) {
        if (table[key] == null) {
            table[key] = new long[needWords];
        }
        return table[key];
    }

    /** Every need row to {@code words} words. */
    void growNeeds(int words) {
        openNeeds = Arrays.copyOf(openNeeds, words);
        for (long[][] table : needsByDimension) {
            growRows(table, words);
        }
        growRows(needsByTag, words);
        growRows(needsByGuarantee, words);
        growRows(needsByBand, words);
        for (long[][] table : needsAtLeast) {
            growRows(table, words);
        }
        needWords = words;
    }

    private static void growRows(long[][] table, int words) {
        for (int i = 0; i < table.length; i++) {
            if (table[i] != null) {
                table[i] = Arrays.copyOf(table[i], words);
            }
        }
    }

    /** Amount band: 0 below 10,000 yuan, then one band per doubling; -1 for a missing amount. */
    static int band(double amount) {
        if (Double.isNaN(amount)) {
            return -1;
        }
        if (amount < 10_000) {
            return 0;
        }
        double units = Math.min(amount / 10_000, 1e15);
        return Math.min(BANDS - 1, 64 - Long.numberOfLeadingZeros((long) units));
    }

    // ------------------------------------------------------------------------------------------------ products

    /** Every product row to the words of {@code capacity} product slots (after {@link Products} grew). */
    void fitProducts(int capacity) {
        int words = Bits.words(capacity);
        if (words == productWords) {
            return;
        }
        activeProducts = Arrays.copyOf(activeProducts, words);
        for (long[][] table : productsByDimension) {
            growRows(table, words);
        }
        growRows(productsRequiringTag, words);
        growRows(productsByGuarantee, words);
        growRows(productsByBand, words);
        productWords = words;
    }

    /** Sets (an active product) or clears a product's bits in every row. */
    void indexProduct(ProductState p) {
        int slot = p.slot;
        boolean on = p.active;
        Bits.set(activeProducts, slot, on);
        for (int d = 0; d < DIMENSIONS.length; d++) {
            for (int key = 0; key < dimensionKeys[d]; key++) {
                Bits.set(productsByDimension[d][key], slot, on && accepts(p, d, key));
            }
        }
        long required = 0;
        for (int t = 0; t < 64; t++) {
            boolean requires = on && (p.requiredTags & (1L << t)) != 0;
            if (requires || productsRequiringTag[t] != null) {
                Bits.set(productRow(productsRequiringTag, t), slot, requires);
            }
            if (productsByGuarantee[t] != null || (on && (p.guaranteeMask & (1L << t)) != 0)) {
                Bits.set(productRow(productsByGuarantee, t), slot, on && (p.guaranteeMask & (1L << t)) != 0);
            }
        }
        for (int b = 0; b < BANDS; b++) {
            boolean covers = on && b >= p.bandLow && b <= p.bandHigh;
            if (covers || productsByBand[b] != null) {
                Bits.set(productRow(productsByBand, b), slot, covers);
            }
        }
        for (int t = 0; t < 64; t++) {
            if (productsRequiringTag[t] != null && !Bits.isEmpty(productsRequiringTag[t], productWords)) {
                required |= 1L << t;
            }
        }
        requiredTagsOfAnyProduct = required;
    }

    private long[] productRow(long[][] table, int key) {
        if (table[key] == null) {
            table[key] = new long[productWords];
        }
        return table[key];
    }

    private static boolean accepts(ProductState p, int d, int key) {
        for (CompiledRule r : p.dimensionRules[d]) {
            if (!r.acceptsCode(key - 1)) {
                return false;
            }
        }
        return true;
    }

    /** The keys of dimension d a product's hard rules allow and deny (both empty when it does not constrain d). */
    void splitKeys(ProductState p, int d) {
        if (!p.constrains(d)) {
            p.allowedKeys[d] = new int[0];
            p.deniedKeys[d] = new int[0];
            return;
        }
        int[] allowed = new int[dimensionKeys[d]];
        int[] denied = new int[dimensionKeys[d]];
        int a = 0;
        int n = 0;
        for (int key = 0; key < dimensionKeys[d]; key++) {
            if (accepts(p, d, key)) {
                allowed[a++] = key;
            } else {
                denied[n++] = key;
            }
        }
        p.allowedKeys[d] = Arrays.copyOf(allowed, a);
        p.deniedKeys[d] = Arrays.copyOf(denied, n);
    }

    // ------------------------------------------------------------------------------------------------ key tables

    static int dimensionOf(Field f) {
        for (int d = 0; d < DIMENSIONS.length; d++) {
            if (DIMENSIONS[d] == f) {
                return d;
            }
        }
        return -1;
    }

    static int rangedOf(Field f) {
        for (int i = 0; i < RANGED.length; i++) {
            if (RANGED[i] == f) {
                return i;
            }
        }
        return -1;
    }

    private static double[] geometric(double first, double factor, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = first * Math.pow(factor, i);
        }
        return t;
    }

    private static double[] linear(double first, double step, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = first + step * i;
        }
        return t;
    }
}
