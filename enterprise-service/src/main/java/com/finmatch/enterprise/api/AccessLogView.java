package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.AccessLogEntry;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One read of an enterprise's data by a bank. */
public record AccessLogView(UUID id, String bankId, String subject, List<String> categories, String resource,
        Instant at) {

    public static AccessLogView of(AccessLogEntry e) {
        return new AccessLogView(e.id, e.bankId, e.subject, Arrays.asList(e.categories.split(",")), e.resource, e.at);
    }
}
