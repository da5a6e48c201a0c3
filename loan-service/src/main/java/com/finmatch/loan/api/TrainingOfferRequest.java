package com.finmatch.loan.api;

import com.finmatch.loan.domain.Rule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** An IPO-training offer as an administrator writes it; entry criteria are rules like a product's. */
public record TrainingOfferRequest(
        @NotBlank @Size(max = 200) String organiser,
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 30) String format,
        @Size(max = 2000) String description,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 100000, message = "must be at most 100000")
        Integer seats,
        @Size(max = 50) List<Rule> rules) {
}
