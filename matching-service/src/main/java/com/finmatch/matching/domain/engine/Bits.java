package com.finmatch.matching.domain.engine;

/** Bit sets as long[] words, with the few whole-range operations the index needs. */
final class Bits {

    private Bits() {
    }

    static int words(int bits) {
        return (bits + 63) >>> 6;
    }

    static void set(long[] words, int bit) {
        words[bit >>> 6] |= 1L << bit;
    }

    static void clear(long[] words, int bit) {
        words[bit >>> 6] &= ~(1L << bit);
    }

    static void set(long[] words, int bit, boolean value) {
        if (value) {
            set(words, bit);
        } else {
            clear(words, bit);
        }
    }

    static boolean get(long[] words, int bit) {
        return (words[bit >>> 6] & (1L << bit)) != 0;
    }

    /** target[0..n) = source[from..from+n) */
    static void copy(long[] source, int from, long[] target, int n) {
        System.arraycopy(source, from, target, 0, n);
    }

    /** target[0..n) |= source[from..from+n) */
    static void or(long[] target, long[] source, int from, int n) {
        for (int i = 0; i < n; i++) {
            target[i] |= source[from + i];
        }
    }

    /** target[0..n) &= source[from..from+n) */
    static void and(long[] target, long[] source, int from, int n) {
        for (int i = 0; i < n; i++) {
            target[i] &= source[from + i];
        }
    }

    /** target[0..n) &= ~source[from..from+n) */
    static void andNot(long[] target, long[] source, int from, int n) {
        for (int i = 0; i < n; i++) {
            target[i] &= ~source[from + i];
        }
    }

    /** target[0..n) &= mask[0..n) */
    static void and(long[] target, long[] mask, int n) {
        for (int i = 0; i < n; i++) {
            target[i] &= mask[i];
        }
    }

    /** target[0..n) &= ~mask[0..n) */
    static void andNot(long[] target, long[] mask, int n) {
        for (int i = 0; i < n; i++) {
            target[i] &= ~mask[i];
        }
    }

    static boolean isEmpty(long[] words, int n) {
        for (int i = 0; i < n; i++) {
            if (words[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
