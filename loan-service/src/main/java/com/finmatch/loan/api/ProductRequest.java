package com.finmatch.loan.api;

import com.finmatch.loan.domain.GuaranteeType;
import com.finmatch.loan.domain.ProductType;
import com.finmatch.loan.domain.Rule;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A loan product as a bank writes it (POST creates a DRAFT, PUT replaces it). The owning bank is the caller's
 * {@code bank_id} claim; a {@code bankId} in the body is ignored. Rules are checked by the RuleValidator.
 */
public record ProductRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull ProductType type,
        @Size(max = 2000) String description,
        @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01")
        @DecimalMax(value = "100000000000", message = "must be at most 100000000000")
        @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals") BigDecimal minAmount,
        @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01")
        @DecimalMax(value = "100000000000", message = "must be at most 100000000000")
        @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals") BigDecimal maxAmount,
        @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 600, message = "must be at most 600")
        Integer minTermMonths,
        @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 600, message = "must be at most 600")
        Integer maxTermMonths,
        @NotNull @DecimalMin(value = "0", message = "must be 0 or more")
        @DecimalMax(value = "100", message = "must be at most 100")
        @Digits(integer = 3, fraction = 4, message = "must have at most 4 decimals") BigDecimal minAnnualRate,
        @NotNull @DecimalMin(value = "0", message = "must be 0 or more")
        @DecimalMax(value = "100", message = "must be at most 100")
        @Digits(integer = 3, fraction = 4, message = "must have at most 4 decimals") BigDecimal maxAnnualRate,
        @Min(value = -1000, message = "must be at least -1000") @Max(value = 5000, message = "must be at most 5000")
        Integer lprSpreadBps,
        @NotEmpty @Size(max = 6) List<@NotNull GuaranteeType> guaranteeTypes,
        @Size(max = 50) List<Rule> rules,
        @Size(max = 20) List<@NotNull UUID> policyToolIds,
        @Size(max = 30) List<@NotBlank @Size(max = 200) String> materialsRequired,
        LocalDate validFrom,
        LocalDate validTo) {
}
