package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.ProjectStage;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A major project to register; the district defaults to the enterprise's. */
public record ProjectRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000000")
        @Digits(integer = 13, fraction = 2) BigDecimal investmentAmount,
        @NotNull @DecimalMin("0") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2)
        BigDecimal financingGap,
        @NotNull ProjectStage stage,
        @Size(max = 20) String districtCode,
        @Min(1) @Max(360) Integer termMonths) {
}
