package com.finmatch.matching.domain.engine;

import java.util.Arrays;

/**
 * Candidate generation from the {@link BitIndex}: the products the index lets through for a need (need-major: a changed
 * need) and the needs it lets through for a product (product-major: a new or changed product, the full re-match), the
 * declined pairs left out. A superset of the eligible pairs: {@link Scorer} runs the exact checks over them.
 */
final class Candidates {

    private final EngineState state;
    private final Columns c;

    Candidates(EngineState state) {
        this.state = state;
        this.c = state.c;
    }

    /** The products whose index lets this need through (need-major candidate generation). */
    long[] productsFor(int need, Scratch s) {
        BitIndex x = state.index;
        int n = x.productWords;
        s.ensureProducts(n);
        long[] w = s.productWords;
        long[] tmp = s.productTmp;
        Bits.copy(x.activeProducts, 0, w, n);
        for (int d = 0; d < BitIndex.DIMENSIONS.length; d++) {
            Bits.and(w, x.productsByDimension[d][x.dimensionKey(d, need)], 0, n);
        }
        long missingTags = x.requiredTagsOfAnyProduct & ~c.sets(Field.TAGS)[need];
        for (long m = missingTags; m != 0; m &= m - 1) {
            Bits.andNot(w, x.productsRequiringTag[Long.numberOfTrailingZeros(m)], n);
        }
        Arrays.fill(tmp, 0, n, 0);
        for (long m = c.sets(Field.GUARANTEE_TYPES)[need]; m != 0; m &= m - 1) {
            long[] row = x.productsByGuarantee[Long.numberOfTrailingZeros(m)];
            if (row != null) {
                Bits.or(tmp, row, 0, n);
            }
        }
        Bits.and(w, tmp, n);
        int band = BitIndex.band(c.numbers(Field.AMOUNT)[need]);
        if (band < 0 || x.productsByBand[band] == null) {
            Arrays.fill(w, 0, n, 0);
        } else {
            Bits.and(w, x.productsByBand[band], 0, n);
        }
        for (String productId : state.declined.productsOf(state.needs.needIds[need])) {
            Integer product = state.products.slotOf(productId);
            if (product != null) {
                Bits.set(w, product, false);
            }
        }
        return w;
    }

    /**
     * The needs of words [from, from + n) that the need index lets through for a product, into s.needWords.
     * @return false when none can be
     */
    boolean needsFor(ProductState p, int from, int n, Scratch s) {
        BitIndex x = state.index;
        long[] w = s.needWords;
        long[] tmp = s.needTmp;
        Bits.copy(x.openNeeds, from, w, n);
        for (int d = 0; d < BitIndex.DIMENSIONS.length; d++) {
            if (!p.constrains(d)) {
                continue;
            }
            int[] allowed = p.allowedKeys[d];
            int[] denied = p.deniedKeys[d];
            Arrays.fill(tmp, 0, n, 0);
            if (allowed.length <= denied.length) {
                for (int key : allowed) {
                    Bits.or(tmp, x.needsByDimension[d][key], from, n);
                }
                Bits.and(w, tmp, n);
            } else {
                for (int key : denied) {
                    Bits.or(tmp, x.needsByDimension[d][key], from, n);
                }
                Bits.andNot(w, tmp, n);
            }
        }
        for (long m = p.requiredTags; m != 0; m &= m - 1) {
            long[] row = x.needsByTag[Long.numberOfTrailingZeros(m)];
            if (row == null) {
                return false;
            }
            Bits.and(w, row, from, n);
        }
        // ordered fields: a superset of the needs the rule lets through (the rule itself runs in the pipeline)
        for (int[] r : p.atLeast) {
            long[] row = x.needsAtLeast[r[0]][r[1]];
            if (row == null) {
                return false;
            }
            Bits.and(w, row, from, n);
        }
        for (int[] r : p.below) {
            long[] row = x.needsAtLeast[r[0]][r[1]];
            if (row != null) {
                Bits.andNot(w, row, from, n);
            }
        }
        Arrays.fill(tmp, 0, n, 0);
        for (long m = p.guaranteeMask; m != 0; m &= m - 1) {
            long[] row = x.needsByGuarantee[Long.numberOfTrailingZeros(m)];
            if (row != null) {
                Bits.or(tmp, row, from, n);
            }
        }
        Bits.and(w, tmp, n);
        Arrays.fill(tmp, 0, n, 0);
        for (int b = p.bandLow; b <= p.bandHigh; b++) {
            if (x.needsByBand[b] != null) {
                Bits.or(tmp, x.needsByBand[b], from, n);
            }
        }
        Bits.and(w, tmp, n);
        int first = from << 6;
        int end = (from + n) << 6;
        for (String needId : state.declined.needsOf(p.spec.productId())) {
            Integer need = state.needs.slotOf(needId);
            if (need != null && need >= first && need < end) {
                Bits.set(w, need - first, false);
            }
        }
        return true;
    }
}
