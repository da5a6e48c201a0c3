package com.finmatch.matching.domain.engine;

/** Eligible (need, score) pairs of one product, delivered in chunks. */
interface Sink {
    void accept(ProductState product, int[] needs, int[] scores, int n);
}
