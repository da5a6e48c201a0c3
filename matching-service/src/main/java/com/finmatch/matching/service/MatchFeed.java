package com.finmatch.matching.service;

import com.finmatch.matching.domain.MatchingEngine;
import com.finmatch.matching.domain.Bounds;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

/** The live feed of matches for administrators: every new or changed match, after it was committed. */
@ApplicationScoped
public class MatchFeed {

    /** One match as it appeared (NEW), moved or was re-scored (CHANGED), or left a top list (REMOVED). */
    public record MatchEvent(@Schema(enumeration = {"NEW", "CHANGED", "REMOVED"}) String change,
            @Size(max = Bounds.ID) String needId, @Size(max = Bounds.ID) String enterpriseId,
            @Size(max = Bounds.ID) String productId, @Size(max = Bounds.CODE) String bankId,
            @Schema(nullable = true, description = "null when REMOVED") @Min(1) @Max(MatchingEngine.MAX_TOP_SIZE)
            Integer rank,
            @Schema(nullable = true, description = "null when REMOVED") @DecimalMin("0") @DecimalMax("100")
            BigDecimal score, Instant at) {
    }

    private final BroadcastProcessor<MatchEvent> processor = BroadcastProcessor.create();

    public Multi<MatchEvent> stream() {
        return processor;
    }

    void emit(MatchEvent event) {
        processor.onNext(event);
    }
}
