package com.finmatch.testing;

import java.util.Arrays;

/** Nearest-rank percentiles of measured values, for the services' benchmarks (not for tests: timings never are). */
public final class Percentiles {

    private Percentiles() {
    }

    public static double median(double[] values) {
        return percentile(values, 50);
    }

    /** The nearest-rank p-th percentile (1–100) of the values. */
    public static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
