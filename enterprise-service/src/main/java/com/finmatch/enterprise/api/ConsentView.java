package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.Consent;
import com.finmatch.enterprise.domain.DataCategory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A consent with whether it is live now (neither expired nor revoked). */
public record ConsentView(UUID id, UUID enterpriseId, String bankId, List<DataCategory> categories,
        Instant expiresAt, Instant grantedAt, Instant revokedAt, boolean active) {

    public static ConsentView of(Consent c, Instant now) {
        return new ConsentView(c.id, c.enterpriseId, c.bankId, c.categories.stream().sorted().toList(), c.expiresAt,
                c.grantedAt, c.revokedAt, c.isLiveAt(now));
    }
}
