package com.finmatch.loan.api;

import com.finmatch.loan.domain.LeadAction;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A bank's decision on a lead. APPROVE needs {@code amount} and {@code rate}; DECLINE needs a {@code reasonCode} from
 * GET /leads/decline-reasons (OTHER also a {@code note}); DISBURSE may give the disbursed {@code amount}.
 */
public record DecisionRequest(
        @NotNull LeadAction action,
        @DecimalMin(value = "0.01", message = "must be at least 0.01")
        @DecimalMax(value = "100000000000", message = "must be at most 100000000000")
        @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals") BigDecimal amount,
        @DecimalMin(value = "0", message = "must be 0 or more")
        @DecimalMax(value = "100", message = "must be at most 100")
        @Digits(integer = 3, fraction = 4, message = "must have at most 4 decimals") BigDecimal rate,
        @Size(max = 40) String reasonCode,
        @Size(max = 1000) String note) {
}
