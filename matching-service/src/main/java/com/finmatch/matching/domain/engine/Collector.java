package com.finmatch.matching.domain.engine;

import java.util.Arrays;

/** Collects a product's eligible needs in need order. */
final class Collector implements Sink {
    int[] needs = new int[64];
    int[] scores = new int[64];
    int size;

    @Override
    public void accept(ProductState product, int[] ns, int[] ss, int n) {
        if (size + n > needs.length) {
            int capacity = Math.max(size + n, needs.length * 2);
            needs = Arrays.copyOf(needs, capacity);
            scores = Arrays.copyOf(scores, capacity);
        }
        System.arraycopy(ns, 0, needs, size, n);
        System.arraycopy(ss, 0, scores, size, n);
        size += n;
    }
}
