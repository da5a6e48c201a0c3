package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.Consent;
import com.finmatch.enterprise.domain.DataCategory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A consent with whether it is live now (neither expired nor revoked). */
@Schema(requiredProperties = {"id", "enterpriseId", "bankId", "categories", "expiresAt", "grantedAt", "revokedAt",
        "active"})
public record ConsentView(UUID id, UUID enterpriseId,
        @Schema(maxLength = 64, description = "A bank id, or * for every bank") String bankId,
        @Schema(maxItems = 4) List<DataCategory> categories,
        Instant expiresAt, Instant grantedAt, @Schema(nullable = true, maxLength = 35) Instant revokedAt,
        boolean active) {

    public static ConsentView of(Consent c, Instant now) {
        return new ConsentView(c.id, c.enterpriseId, c.bankId, c.categories.stream().sorted().toList(), c.expiresAt,
                c.grantedAt, c.revokedAt, c.isLiveAt(now));
    }
}
