package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.Rule;

/**
 * A rule compiled to a tight predicate over the {@link Columns}: constants resolved once (numbers, dates and scale
 * positions to doubles, codes to dictionary ids, set values to bit masks), and a loop per concrete class so that the
 * JIT sees one monomorphic call in each hot loop. {@link #test} and {@link #filter} give the same answer by
 * construction (filter calls the final test of its own class).
 */
abstract class CompiledRule {

    final Rule rule;
    final Field field;

    CompiledRule(Rule rule, Field field) {
        this.rule = rule;
        this.field = field;
    }

    /** Does the rule pass for this need (and its enterprise)? Missing values never pass. */
    abstract boolean test(Columns c, int need);

    /** Keeps in {@code candidates[0..n)} the needs that pass, in order; returns how many. */
    int filter(Columns c, int[] candidates, int n) {
        int kept = 0;
        for (int k = 0; k < n; k++) {
            int need = candidates[k];
            if (test(c, need)) {
                candidates[kept++] = need;
            }
        }
        return kept;
    }

    /** Adds {@code weight} to {@code sums[k]} for each candidate k that passes. */
    void addWhenPassing(Columns c, int[] candidates, int n, int[] sums, int weight) {
        for (int k = 0; k < n; k++) {
            if (test(c, candidates[k])) {
                sums[k] += weight;
            }
        }
    }

    /**
     * Would the rule pass for an enterprise whose field had this code (dictionary id for CODE fields, scale position for
     * ORDINAL ones; -1 = missing)? Used to build the product index on the district, cluster and size dimensions.
     */
    abstract boolean acceptsCode(int code);

    /** False when the rule could not be understood (unknown field, value of the wrong kind): it never passes. */
    boolean valid() {
        return true;
    }

    /** A numeric field inside or outside an interval (EQ, NE, GT, GE, LT, LE, BETWEEN). */
    static final class NumberInterval extends CompiledRule {
        private final double low;
        private final double high;
        private final boolean lowInclusive;
        private final boolean highInclusive;
        private final boolean outside;

        NumberInterval(Rule rule, Field field, double low, boolean lowInclusive, double high, boolean highInclusive,
                boolean outside) {
            super(rule, field);
            this.low = low;
            this.high = high;
            this.lowInclusive = lowInclusive;
            this.highInclusive = highInclusive;
            this.outside = outside;
        }

        double low() {
            return low;
        }

        double high() {
            return high;
        }

        boolean outside() {
            return outside;
        }

        private boolean accepts(double v) {
            if (Double.isNaN(v)) {
                return false;
            }
            boolean inside = (v > low || (lowInclusive && v == low)) && (v < high || (highInclusive && v == high));
            return inside != outside;
        }

        @Override
        boolean test(Columns c, int need) {
            return accepts(c.number(field, need));
        }

        @Override
        int filter(Columns c, int[] candidates, int n) {
            double[] column = c.numbers(field);
            int kept = 0;
            for (int k = 0; k < n; k++) {
                int need = candidates[k];
                if (accepts(column[need])) {
                    candidates[kept++] = need;
                }
            }
            return kept;
        }

        @Override
        void addWhenPassing(Columns c, int[] candidates, int n, int[] sums, int weight) {
            double[] column = c.numbers(field);
            for (int k = 0; k < n; k++) {
                if (accepts(column[candidates[k]])) {
                    sums[k] += weight;
                }
            }
        }

        @Override
        boolean acceptsCode(int code) {
            return code >= 0 && accepts(code);
        }
    }

    /** A numeric field equal to one of some values (IN), or to none of them (NOT_IN). */
    static final class NumberSet extends CompiledRule {
        private final double[] values;
        private final boolean none;

        NumberSet(Rule rule, Field field, double[] values, boolean none) {
            super(rule, field);
            this.values = values;
            this.none = none;
        }

        private boolean accepts(double v) {
            if (Double.isNaN(v)) {
                return false;
            }
            boolean found = false;
            for (double x : values) {
                if (x == v) {
                    found = true;
                    break;
                }
            }
            return found != none;
        }

        @Override
        boolean test(Columns c, int need) {
            return accepts(c.number(field, need));
        }

        @Override
        boolean acceptsCode(int code) {
            return code >= 0 && accepts(code);
        }
    }

    /**
     * A code field matched against values: any of them (EQ, IN), none of them (NE, NOT_IN), or containing one as a
     * substring (CONTAINS). For CODE_PREFIX fields a value matches its code and every code below it. The answer per
     * dictionary id is computed once and cached (benign races: every thread computes the same answer).
     */
    static final class CodeMatch extends CompiledRule {
        enum Mode { ANY, NONE, SUBSTRING }

        private final Dictionary dictionary;
        private final String[] values;
        private final Mode mode;
        private final boolean prefix;
        private byte[] cache = new byte[0];

        CodeMatch(Rule rule, Field field, Dictionary dictionary, String[] values, Mode mode) {
            super(rule, field);
            this.dictionary = dictionary;
            this.values = values;
            this.mode = mode;
            this.prefix = field.type() == FieldType.CODE_PREFIX;
        }

        @Override
        boolean acceptsCode(int code) {
            if (code < 0) {
                return false;
            }
            byte[] answers = cache;
            if (code < answers.length && answers[code] != 0) {
                return answers[code] == 1;
            }
            boolean result = evaluate(dictionary.value(code));
            if (code >= answers.length) {
                answers = java.util.Arrays.copyOf(answers, Math.max(code + 1, answers.length * 2 + 8));
            }
            answers[code] = (byte) (result ? 1 : 2);
            cache = answers;
            return result;
        }

        private boolean evaluate(String actual) {
            if (actual == null) {
                return false;
            }
            boolean found = false;
            for (String v : values) {
                if (mode == Mode.SUBSTRING ? actual.contains(v) : prefix ? actual.startsWith(v) : actual.equals(v)) {
                    found = true;
                    break;
                }
            }
            return mode == Mode.NONE ? !found : found;
        }

        @Override
        boolean test(Columns c, int need) {
            return acceptsCode(c.code(field, need));
        }

        @Override
        int filter(Columns c, int[] candidates, int n) {
            int[] column = c.codes(field);
            int kept = 0;
            for (int k = 0; k < n; k++) {
                int need = candidates[k];
                if (acceptsCode(column[need])) {
                    candidates[kept++] = need;
                }
            }
            return kept;
        }

        @Override
        void addWhenPassing(Columns c, int[] candidates, int n, int[] sums, int weight) {
            int[] column = c.codes(field);
            for (int k = 0; k < n; k++) {
                if (acceptsCode(column[candidates[k]])) {
                    sums[k] += weight;
                }
            }
        }
    }

    /** A set field (tags, guarantee types) against a mask of values. */
    static final class SetMatch extends CompiledRule {
        enum Mode { ALL, ANY, NONE, EXACTLY, NOT_EXACTLY }

        private final long mask;
        private final Mode mode;

        SetMatch(Rule rule, Field field, long mask, Mode mode) {
            super(rule, field);
            this.mask = mask;
            this.mode = mode;
        }

        long mask() {
            return mask;
        }

        Mode mode() {
            return mode;
        }

        private boolean accepts(long set) {
            return switch (mode) {
                case ALL -> (set & mask) == mask;
                case ANY -> (set & mask) != 0;
                case NONE -> (set & mask) == 0;
                case EXACTLY -> set == mask;
                case NOT_EXACTLY -> set != mask;
            };
        }

        @Override
        boolean test(Columns c, int need) {
            return accepts(c.set(field, need));
        }

        @Override
        int filter(Columns c, int[] candidates, int n) {
            long[] column = c.sets(field);
            int kept = 0;
            for (int k = 0; k < n; k++) {
                int need = candidates[k];
                if (accepts(column[need])) {
                    candidates[kept++] = need;
                }
            }
            return kept;
        }

        @Override
        void addWhenPassing(Columns c, int[] candidates, int n, int[] sums, int weight) {
            long[] column = c.sets(field);
            for (int k = 0; k < n; k++) {
                if (accepts(column[candidates[k]])) {
                    sums[k] += weight;
                }
            }
        }

        @Override
        boolean acceptsCode(int code) {
            return false;
        }
    }

    /** A rule that could not be understood: it never passes (a hard one makes the product ineligible, visibly). */
    static final class Never extends CompiledRule {
        final String problem;

        Never(Rule rule, Field field, String problem) {
            super(rule, field);
            this.problem = problem;
        }

        @Override
        boolean test(Columns c, int need) {
            return false;
        }

        @Override
        int filter(Columns c, int[] candidates, int n) {
            return 0;
        }

        @Override
        boolean acceptsCode(int code) {
            return false;
        }

        @Override
        boolean valid() {
            return false;
        }
    }
}
