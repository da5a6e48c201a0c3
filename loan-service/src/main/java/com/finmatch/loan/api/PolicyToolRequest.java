package com.finmatch.loan.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.finmatch.loan.domain.PolicyToolKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A policy tool as an administrator writes it. Usage is kept current by the administrator: a pool's
 * {@code exposureUsed} of its {@code poolSize}, a subsidy's {@code budgetUsed} of its {@code budget} (none: unlimited);
 * matching counts a tool only while it is active, inside [validFrom, validTo] and not exhausted. {@code coverageShare} is 0–1; {@code compensationRatio} (0–100 %) is
 * accepted instead. Aliases: {@code type} for kind (RISK_COMPENSATION_POOL for RISK_POOL), {@code fundAmount} or
 * {@code maxGuaranteeAmount} for poolSize, {@code maxPerEnterprise} for perEnterpriseCap.
 */
@Schema(description = "A policy tool as an administrator writes it. For the demo data's source format the service "
        + "also accepts, outside this schema, the aliases type (for kind; RISK_COMPENSATION_POOL for RISK_POOL), "
        + "fundAmount or maxGuaranteeAmount (for poolSize) and maxPerEnterprise (for perEnterpriseCap).")
public record PolicyToolRequest(
        @NotNull @JsonAlias("type") PolicyToolKind kind,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @DecimalMin(value = "0", message = "must be 0 or more") @DecimalMax(value = "100", message = "must be at most 100")
        @Digits(integer = 3, fraction = 4, message = "must have at most 4 decimals") BigDecimal subsidyRate,
        @DecimalMin(value = "0", message = "must be 0 or more") @DecimalMax(value = "1", message = "must be at most 1")
        @Digits(integer = 1, fraction = 4, message = "must have at most 4 decimals") BigDecimal coverageShare,
        @DecimalMin(value = "0", message = "must be 0 or more") @DecimalMax(value = "100", message = "must be at most 100")
        @Digits(integer = 3, fraction = 2, message = "must have at most 2 decimals") BigDecimal compensationRatio,
        @JsonAlias({"fundAmount", "maxGuaranteeAmount"})
        @DecimalMin(value = "0", message = "must be 0 or more")
        @Digits(integer = 15, fraction = 2, message = "must have at most 2 decimals") BigDecimal poolSize,
        @DecimalMin(value = "0", message = "must be 0 or more")
        @Digits(integer = 15, fraction = 2, message = "must have at most 2 decimals") BigDecimal exposureUsed,
        @DecimalMin(value = "0", message = "must be 0 or more")
        @Digits(integer = 15, fraction = 2, message = "must have at most 2 decimals") BigDecimal budget,
        @DecimalMin(value = "0", message = "must be 0 or more")
        @Digits(integer = 15, fraction = 2, message = "must have at most 2 decimals") BigDecimal budgetUsed,
        @JsonAlias("maxPerEnterprise")
        @DecimalMin(value = "0", message = "must be 0 or more")
        @Digits(integer = 15, fraction = 2, message = "must have at most 2 decimals") BigDecimal perEnterpriseCap,
        @DecimalMin(value = "0", message = "must be 0 or more") @DecimalMax(value = "100", message = "must be at most 100")
        @Digits(integer = 3, fraction = 4, message = "must have at most 4 decimals") BigDecimal guaranteeFeeRate,
        LocalDate validFrom,
        LocalDate validTo,
        Boolean active) {
}
