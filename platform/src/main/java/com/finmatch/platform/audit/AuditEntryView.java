package com.finmatch.platform.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An audit entry as the API shows it. */
@Schema(name = "AuditEntry", description = "One recorded request: who, with which roles, when, what, on which "
        + "objects, with what answer, from which client; and its place in the hash chain")
public record AuditEntryView(
        @Schema(description = "Position in the chain, from 1, without gaps") @Min(1) @Max(Long.MAX_VALUE) long seq,
        UUID id,
        Instant at,
        @Schema(description = "The token's subject (`sub`)") @Size(max = 200) String subject,
        @Schema(description = "The token's `preferred_username`", nullable = true) @Size(max = 200) String userName,
        @Schema(description = "The caller's roles, comma-separated") @Size(max = 200) String roles,
        @Schema(description = "The client the token was issued to (`azp`)", nullable = true) @Size(max = 200)
        String clientId,
        @Schema(description = "The caller's address as the service saw it", nullable = true) @Size(max = 100)
        String remoteAddress,
        @Schema(description = "HTTP method and route template, e.g. `POST /api/v1/leads/{id}/decisions`")
        @Size(max = 520) String action,
        @Schema(description = "The path's parameters by name, e.g. `{\"id\": \"…\"}`", maxProperties = 20)
        Map<String, @Size(max = 200) String> objects,
        @Schema(description = "The answer's HTTP status") @Min(100) @Max(599) int status,
        @Schema(description = "The previous entry's hash (64 zeros before the first)") @Size(min = 64, max = 64)
        String prevHash,
        @Schema(description = "SHA-256 (hex) of this entry's canonical content, `prevHash` included")
        @Size(min = 64, max = 64) String hash) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.seq(), e.id(), e.at(), e.subject(), e.userName(), e.roles(), e.clientId(),
                e.remoteAddress(), e.action(), e.objects(), e.status(), e.prevHash(), e.hash());
    }
}
