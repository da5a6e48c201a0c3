package com.finmatch.loan.api;

import com.finmatch.loan.domain.LeadAction;
import com.finmatch.platform.contracts.MaterialKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * A bank's decision on a lead. APPROVE needs {@code amount} and {@code rate}; DECLINE needs a {@code reasonCode} from
 * GET /leads/decline-reasons (OTHER also a {@code note}); DISBURSE may give the disbursed {@code amount};
 * REQUEST_MATERIALS (补件) needs the {@code materials} asked for and a {@code note} to the enterprise.
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
        @Size(max = 1000) String note,
        @Schema(nullable = true, description = "REQUEST_MATERIALS only: the kinds of material asked for")
        @Size(max = 10) List<@NotNull MaterialKind> materials) {
}
