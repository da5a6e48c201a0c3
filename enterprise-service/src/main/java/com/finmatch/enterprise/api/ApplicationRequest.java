package com.finmatch.enterprise.api;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** Apply for a published loan product against one of the caller's open financing needs. */
public record ApplicationRequest(@NotNull UUID financingNeedId, @NotNull UUID productId) {
}
