package com.finmatch.loan.api;

import com.finmatch.loan.domain.AuthorRole;
import com.finmatch.loan.domain.LeadMessage;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of a lead's thread. {@code authorName}: the bank's registered name for BANK, 申请企业 for ENTERPRISE
 * (the enterprise's name is PROFILE data, which the bank sees only under consent).
 */
public record LeadMessageView(UUID id, UUID applicationId, AuthorRole authorRole, @Size(max = 200) String authorName,
        @Size(max = 2000) String body, Instant postedAt) {

    static LeadMessageView of(LeadMessage m) {
        return new LeadMessageView(m.id, m.leadId, m.authorRole, m.authorName, m.body, m.postedAt);
    }
}
