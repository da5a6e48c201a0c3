package com.finmatch.matching.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The EnterpriseDataRead payload (EVENTS.md, match.events, key enterpriseId): a bank was shown an enterprise's data
 * here under its consent. matching-service keeps no access log; enterprise-service adds the read to the enterprise's.
 */
public record EnterpriseDataRead(UUID enterpriseId, String bankId, String readBy, List<String> categories,
        String resource, Instant at) {

    public static final String TYPE = "finmatch.match.EnterpriseDataRead.v1";
}
