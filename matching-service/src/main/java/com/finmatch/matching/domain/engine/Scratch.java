package com.finmatch.matching.domain.engine;

/** Working arrays of one thread. */
final class Scratch {
    final int[] candidates = new int[Scorer.CHUNK];
    final int[] scores = new int[Scorer.CHUNK];
    final int[] soft = new int[Scorer.CHUNK];
    final int[] programme = new int[Scorer.CHUNK];
    long[] needWords = new long[0];
    long[] needTmp = new long[0];
    long[] productWords = new long[0];
    long[] productTmp = new long[0];

    void ensure(int words) {
        if (needWords.length < words) {
            needWords = new long[words];
            needTmp = new long[words];
        }
    }

    void ensureProducts(int words) {
        if (productWords.length < words) {
            productWords = new long[words];
            productTmp = new long[words];
        }
    }
}
