package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.DataCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * Apply for a published loan product against one of the caller's open financing needs; with {@code consent}, the
 * product's bank is granted those categories in the same transaction (without it the bank gets an anonymous lead).
 */
public record ApplicationRequest(@NotNull UUID financingNeedId, @NotNull UUID productId, @Valid Consent consent) {

    /** The consent given with an application: {@code categories} default [PROFILE], {@code expiresAt} 90 days. */
    public record Consent(@Size(min = 1, max = 4) Set<@NotNull DataCategory> categories,
            @Future OffsetDateTime expiresAt) {
    }
}
