package com.finmatch.matching.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;

/** The live feed of matches for administrators: every new or changed match, after it was committed. */
@ApplicationScoped
public class MatchFeed {

    /** One match as it appeared (NEW), moved or was re-scored (CHANGED), or left a top list (REMOVED). */
    public record MatchEvent(String change, String needId, String enterpriseId, String productId, String bankId,
            Integer rank, BigDecimal score, Instant at) {
    }

    private final BroadcastProcessor<MatchEvent> processor = BroadcastProcessor.create();

    public Multi<MatchEvent> stream() {
        return processor;
    }

    void emit(MatchEvent event) {
        processor.onNext(event);
    }
}
