package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.FinancingPurpose;
import com.finmatch.enterprise.domain.GuaranteeType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A financing need to open: from CNY 1,000 to CNY 10 billion, 1–360 months, a rate cap up to 36 %. */
public record FinancingNeedRequest(
        @NotNull @DecimalMin(value = "1000", message = "must be at least 1000 (CNY)")
        @DecimalMax(value = "10000000000", message = "must be at most 10000000000 (CNY)")
        @Digits(integer = 11, fraction = 2) BigDecimal amount,
        @NotNull @Min(1) @Max(360) Integer termMonths,
        @NotNull FinancingPurpose purpose,
        @NotEmpty @Size(max = 6) Set<@NotNull GuaranteeType> guaranteeTypes,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("36") @Digits(integer = 2, fraction = 2)
        BigDecimal maxAnnualRate,
        @NotNull @FutureOrPresent LocalDate neededBy,
        UUID projectId) {
}
