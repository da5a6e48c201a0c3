package com.finmatch.platform.audit;

import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An audit entry as the API shows it: {@code action} is "METHOD /route/{template}", {@code objects} the path's ids by
 * parameter name, {@code clientId} the token's {@code azp}.
 */
public record AuditEntryView(long seq, UUID id, Instant at, @Size(max = 200) String subject,
        @Size(max = 200) String userName, @Size(max = 200) String roles, @Size(max = 200) String clientId,
        @Size(max = 100) String remoteAddress, @Size(max = 600) String action, @Size(max = 20) Map<String, String> objects,
        int status, @Size(min = 64, max = 64) String prevHash, @Size(min = 64, max = 64) String hash) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.seq(), e.id(), e.at(), e.subject(), e.userName(), e.roles(), e.clientId(),
                e.remoteAddress(), e.action(), e.objects(), e.status(), e.prevHash(), e.hash());
    }
}
