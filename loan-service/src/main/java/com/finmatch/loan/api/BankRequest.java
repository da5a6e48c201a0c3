package com.finmatch.loan.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A bank for the registry: its id (the {@code bank_id} claim of its tokens), name and response-time promise. */
public record BankRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only")
        String bankId,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 2000, message = "must be at most 2000")
        Integer responseHours) {
}
