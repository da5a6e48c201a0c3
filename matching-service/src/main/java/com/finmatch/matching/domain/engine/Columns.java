package com.finmatch.matching.domain.engine;

import java.util.Arrays;

/**
 * The read models in columnar form: one array per field. Enterprise records are kept by enterprise slot; each need
 * row holds the need's own fields and a copy of its enterprise's ({@link #copyEnterprise}), so that a rule reads every
 * field of a candidate need at the same row. Over a block of needs those rows stay in cache, where a jump to the
 * enterprise's slot would miss it for almost every pair.
 */
final class Columns {

    static final int NUMERIC = 0;
    static final int CODE = 1;
    static final int SET = 2;

    final Dictionary[] dictionaries = new Dictionary[Field.values().length];

    int enterpriseCapacity = 16;
    double[][] entNum = new double[Field.columns(true, NUMERIC)][];
    int[][] entCode = new int[Field.columns(true, CODE)][];
    long[][] entSet = new long[Field.columns(true, SET)][];

    int needCapacity = 16;
    int[] needEnterprise = new int[needCapacity];
    double[][] needNum = new double[Field.columns(false, NUMERIC)][];
    int[][] needCode = new int[Field.columns(false, CODE)][];
    long[][] needSet = new long[Field.columns(false, SET)][];
    /** the enterprise fields, copied into the need rows */
    double[][] rowNum = new double[entNum.length][];
    int[][] rowCode = new int[entCode.length][];
    long[][] rowSet = new long[entSet.length][];

    Columns() {
        for (Field f : Field.values()) {
            if (!f.numeric()) {
                dictionaries[f.ordinal()] = new Dictionary();
            }
        }
        grow(entNum, entCode, entSet, 0, enterpriseCapacity);
        grow(needNum, needCode, needSet, 0, needCapacity);
        grow(rowNum, rowCode, rowSet, 0, needCapacity);
    }

    void ensureEnterprises(int slots) {
        if (slots <= enterpriseCapacity) {
            return;
        }
        int capacity = Math.max(slots, enterpriseCapacity * 2);
        grow(entNum, entCode, entSet, enterpriseCapacity, capacity);
        enterpriseCapacity = capacity;
    }

    void ensureNeeds(int slots) {
        if (slots <= needCapacity) {
            return;
        }
        int capacity = Math.max(slots, needCapacity * 2);
        grow(needNum, needCode, needSet, needCapacity, capacity);
        grow(rowNum, rowCode, rowSet, needCapacity, capacity);
        needEnterprise = Arrays.copyOf(needEnterprise, capacity);
        needCapacity = capacity;
    }

    /** Grows every column from {@code old} to {@code capacity} rows; new rows are missing values. */
    private static void grow(double[][] num, int[][] code, long[][] set, int old, int capacity) {
        for (int i = 0; i < num.length; i++) {
            num[i] = num[i] == null ? new double[capacity] : Arrays.copyOf(num[i], capacity);
            Arrays.fill(num[i], old, capacity, Double.NaN);
        }
        for (int i = 0; i < code.length; i++) {
            code[i] = code[i] == null ? new int[capacity] : Arrays.copyOf(code[i], capacity);
            Arrays.fill(code[i], old, capacity, -1);
        }
        for (int i = 0; i < set.length; i++) {
            set[i] = set[i] == null ? new long[capacity] : Arrays.copyOf(set[i], capacity);
        }
    }

    /** Makes a need row's own fields missing (a row that holds an enterprise's copy only). */
    void clearNeed(int need) {
        for (double[] column : needNum) {
            column[need] = Double.NaN;
        }
        for (int[] column : needCode) {
            column[need] = -1;
        }
        for (long[] column : needSet) {
            column[need] = 0;
        }
    }

    /** Copies an enterprise's record into a need's row (when either changes). */
    void copyEnterprise(int enterprise, int need) {
        for (int i = 0; i < entNum.length; i++) {
            rowNum[i][need] = entNum[i][enterprise];
        }
        for (int i = 0; i < entCode.length; i++) {
            rowCode[i][need] = entCode[i][enterprise];
        }
        for (int i = 0; i < entSet.length; i++) {
            rowSet[i][need] = entSet[i][enterprise];
        }
    }

    Dictionary dictionary(Field f) {
        return dictionaries[f.ordinal()];
    }

    /** A field by need row (what rules read). */
    double[] numbers(Field f) {
        return f.enterprise() ? rowNum[f.column()] : needNum[f.column()];
    }

    int[] codes(Field f) {
        return f.enterprise() ? rowCode[f.column()] : needCode[f.column()];
    }

    long[] sets(Field f) {
        return f.enterprise() ? rowSet[f.column()] : needSet[f.column()];
    }

    /** A field by its own slot: enterprise fields by enterprise slot (where they are written), need fields by need. */
    double[] ownNumbers(Field f) {
        return f.enterprise() ? entNum[f.column()] : needNum[f.column()];
    }

    int[] ownCodes(Field f) {
        return f.enterprise() ? entCode[f.column()] : needCode[f.column()];
    }

    long[] ownSets(Field f) {
        return f.enterprise() ? entSet[f.column()] : needSet[f.column()];
    }

    double number(Field f, int need) {
        return numbers(f)[need];
    }

    int code(Field f, int need) {
        return codes(f)[need];
    }

    long set(Field f, int need) {
        return sets(f)[need];
    }

    /** Interns a set of codes to a mask; values past the 64th distinct value of a field are dropped. */
    long mask(Field f, Iterable<String> values) {
        long mask = 0;
        if (values != null) {
            for (String v : values) {
                int id = dictionary(f).intern(v);
                if (id >= 0 && id < 64) {
                    mask |= 1L << id;
                }
            }
        }
        return mask;
    }
}
