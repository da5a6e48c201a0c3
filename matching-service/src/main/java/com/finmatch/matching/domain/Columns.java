package com.finmatch.matching.domain;

import java.util.Arrays;

/**
 * The read models in columnar form: one array per field, enterprises and needs in dense slots. Rules read these
 * arrays in tight loops; a need's enterprise fields are reached through {@link #needEnterprise}.
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

    Columns() {
        for (Field f : Field.values()) {
            if (!f.numeric()) {
                dictionaries[f.ordinal()] = new Dictionary();
            }
        }
        allocate(entNum, entCode, entSet, enterpriseCapacity);
        allocate(needNum, needCode, needSet, needCapacity);
    }

    private static void allocate(double[][] num, int[][] code, long[][] set, int capacity) {
        for (int i = 0; i < num.length; i++) {
            num[i] = new double[capacity];
            Arrays.fill(num[i], Double.NaN);
        }
        for (int i = 0; i < code.length; i++) {
            code[i] = new int[capacity];
            Arrays.fill(code[i], -1);
        }
        for (int i = 0; i < set.length; i++) {
            set[i] = new long[capacity];
        }
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
        needEnterprise = Arrays.copyOf(needEnterprise, capacity);
        needCapacity = capacity;
    }

    private static void grow(double[][] num, int[][] code, long[][] set, int old, int capacity) {
        for (int i = 0; i < num.length; i++) {
            num[i] = Arrays.copyOf(num[i], capacity);
            Arrays.fill(num[i], old, capacity, Double.NaN);
        }
        for (int i = 0; i < code.length; i++) {
            code[i] = Arrays.copyOf(code[i], capacity);
            Arrays.fill(code[i], old, capacity, -1);
        }
        for (int i = 0; i < set.length; i++) {
            set[i] = Arrays.copyOf(set[i], capacity);
        }
    }

    Dictionary dictionary(Field f) {
        return dictionaries[f.ordinal()];
    }

    double[] numbers(Field f) {
        return f.enterprise() ? entNum[f.column()] : needNum[f.column()];
    }

    int[] codes(Field f) {
        return f.enterprise() ? entCode[f.column()] : needCode[f.column()];
    }

    long[] sets(Field f) {
        return f.enterprise() ? entSet[f.column()] : needSet[f.column()];
    }

    /** The row of a field for a need: the need's own slot or its enterprise's. */
    int row(Field f, int need) {
        return f.enterprise() ? needEnterprise[need] : need;
    }

    double number(Field f, int need) {
        return numbers(f)[row(f, need)];
    }

    int code(Field f, int need) {
        return codes(f)[row(f, need)];
    }

    long set(Field f, int need) {
        return sets(f)[row(f, need)];
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
