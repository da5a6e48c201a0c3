package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.AccessLogEntry;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One read of an enterprise's data by a bank. */
@Schema(requiredProperties = {"id", "bankId", "subject", "categories", "resource", "at"})
public record AccessLogView(UUID id, @Schema(maxLength = 64) String bankId,
        @Schema(maxLength = 255, description = "The bank user or API client who read") String subject,
        @Schema(maxItems = 4, description = "The data categories the read revealed")
        List<@Size(max = 20) String> categories,
        @Schema(maxLength = 200, description = "What was read, e.g. the API path") String resource,
        Instant at) {

    public static AccessLogView of(AccessLogEntry e) {
        return new AccessLogView(e.id, e.bankId, e.subject, Arrays.asList(e.categories.split(",")), e.resource, e.at);
    }
}
