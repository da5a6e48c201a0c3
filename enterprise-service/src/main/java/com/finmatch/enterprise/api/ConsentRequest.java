package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.DataCategory;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.Set;

/** A grant to one bank ({@code bankId}) or every bank ({@code *}) of some data categories until {@code expiresAt}. */
public record ConsentRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^(\\*|[A-Za-z0-9_-]+)$", message = "must be a bank id or *")
        String bankId,
        @NotEmpty @Size(max = 4) Set<@NotNull DataCategory> categories,
        @NotNull @Future OffsetDateTime expiresAt) {
}
