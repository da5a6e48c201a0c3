package com.finmatch.matching.domain.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The full re-match: every product over one block of 4,096 needs at a time (the block's rows stay in cache), blocks
 * shared among the threads (disjoint blocks, so disjoint top lists). A sample of blocks runs first, in the order of a
 * need-independent potential; the other blocks then take the products in the order of how many of the sample's top
 * places they won, so that top lists hold high scores early and the bound prunes more.
 */
final class FullRematch {

    /** Need words per block of the full re-match (4,096 needs): few enough for their rows to stay in cache. */
    static final int BLOCK_WORDS = 64;
    /** Blocks matched first in a full re-match, to learn which products win most often. */
    static final int SAMPLE_BLOCKS = 8;

    private final EngineState state;
    private final Scorer scorer;
    private final int threads;

    FullRematch(EngineState state, Scorer scorer, int threads) {
        this.state = state;
        this.scorer = scorer;
        this.threads = threads;
    }

    /** Re-matches every open need. @return needs whose top list changed */
    List<String> run(MatchingEngine.Progress progress) {
        TopLists tops = state.tops;
        Products products = state.products;
        int needHighWater = state.needs.needHighWater;
        int topSize = tops.topSize;
        int[] oldProducts = Arrays.copyOf(tops.topProduct, needHighWater * topSize);
        int[] oldScores = Arrays.copyOf(tops.topScore, needHighWater * topSize);
        byte[] oldCounts = Arrays.copyOf(tops.topCount, needHighWater);
        Arrays.fill(tops.topCount, (byte) 0);
        List<ProductState> active = new ArrayList<>();
        for (int i = 0; i < products.count; i++) {
            if (products.states[i].active) {
                active.add(products.states[i]);
            }
        }
        // most promising first, so that top lists fill with high scores early and later products are mostly pruned
        active.sort((a, b) -> {
            int pa = ScoreWeights.potential(a);
            int pb = ScoreWeights.potential(b);
            return pa != pb ? Integer.compare(pb, pa) : Integer.compare(a.slot, b.slot);
        });
        // cache blocking: a block of needs stays in cache while every product runs over it; blocks go to the threads
        int usedWords = Bits.words(needHighWater);
        int blocks = Math.max(1, (usedWords + BLOCK_WORDS - 1) / BLOCK_WORDS);
        int samples = Math.min(blocks, SAMPLE_BLOCKS);
        int[] sample = new int[samples];
        int[] rest = new int[blocks - samples];
        for (int b = 0, i = 0, r = 0; b < blocks; b++) {
            if (i < samples && b == (int) ((long) i * blocks / samples)) {
                sample[i++] = b;
            } else {
                rest[r++] = b;
            }
        }
        BlockRun run = new BlockRun(usedWords, (long) blocks * active.size(), progress);
        ExecutorService pool = threads <= 1 || blocks == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rematch");
            t.setDaemon(true);
            return t;
        });
        try {
            // a sample of blocks first; the products that win their top lists most often then go first everywhere else
            run.blocks(sample, active, pool);
            int[] wins = new int[products.count];
            for (int b : sample) {
                for (int need = b * BLOCK_WORDS * 64; need < Math.min(needHighWater, (b + 1) * BLOCK_WORDS * 64); need++) {
                    for (int k = 0; k < tops.topCount[need]; k++) {
                        wins[tops.topProduct[need * topSize + k]]++;
                    }
                }
            }
            List<ProductState> order = new ArrayList<>(active);
            order.sort((a, b) -> wins[a.slot] != wins[b.slot] ? Integer.compare(wins[b.slot], wins[a.slot]) : 0);
            run.blocks(rest, order, pool);
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        if (progress != null) {
            progress.update(run.total, run.total);
        }
        return changed(needHighWater, oldProducts, oldScores, oldCounts);
    }

    private List<String> changed(int needHighWater, int[] oldProducts, int[] oldScores, byte[] oldCounts) {
        List<String> changed = new ArrayList<>();
        TopLists tops = state.tops;
        String[] needIds = state.needs.needIds;
        int topSize = tops.topSize;
        for (int need = 0; need < needHighWater; need++) {
            if (needIds[need] == null) {
                continue;
            }
            int base = need * topSize;
            boolean same = oldCounts[need] == tops.topCount[need];
            for (int k = 0; same && k < tops.topCount[need]; k++) {
                same = oldProducts[base + k] == tops.topProduct[base + k]
                        && oldScores[base + k] == tops.topScore[base + k];
            }
            if (!same) {
                changed.add(needIds[need]);
            }
        }
        return changed;
    }

    /** Runs every product over need blocks, each block on one thread (blocks are disjoint, so are their top lists). */
    private final class BlockRun {
        final int usedWords;
        final long total;
        final MatchingEngine.Progress progress;
        final AtomicLong done = new AtomicLong();
        final Sink offerAll = state.tops::offerAll;

        BlockRun(int usedWords, long total, MatchingEngine.Progress progress) {
            this.usedWords = usedWords;
            this.total = total;
            this.progress = progress;
        }

        void blocks(int[] ids, List<ProductState> order, ExecutorService pool) {
            AtomicInteger next = new AtomicInteger();
            Runnable work = () -> {
                Scratch s = new Scratch();
                s.ensure(Math.min(BLOCK_WORDS, usedWords));
                for (int i = next.getAndIncrement(); i < ids.length; i = next.getAndIncrement()) {
                    int from = ids[i] * BLOCK_WORDS;
                    int to = Math.min(usedWords, from + BLOCK_WORDS);
                    for (ProductState p : order) {
                        scorer.scoreProduct(p, from, to, s, offerAll, true);
                    }
                    long d = done.addAndGet(order.size());
                    if (progress != null) {
                        progress.update(d, total);
                    }
                }
            };
            if (pool == null) {
                work.run();
                return;
            }
            try {
                List<Future<?>> parts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    parts.add(pool.submit(work));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("re-match interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("re-match failed", e.getCause());
            }
        }
    }
}
