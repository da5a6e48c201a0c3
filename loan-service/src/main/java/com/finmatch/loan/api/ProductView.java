package com.finmatch.loan.api;

import com.finmatch.loan.domain.GuaranteeType;
import com.finmatch.loan.domain.LoanProduct;
import com.finmatch.loan.domain.ProductStatus;
import com.finmatch.loan.domain.ProductType;
import com.finmatch.loan.domain.Rule;
import com.finmatch.loan.domain.RuleValidator;
import com.finmatch.platform.http.PageResponse;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A loan product with its rules, as the API returns it. The bounds are those {@link ProductRequest} enforces; a field
 * marked nullable is {@code null} when the bank did not set it (or, {@code publishedAt}, before the first publication).
 */
public record ProductView(@NotNull UUID id, @NotNull @Size(max = 40) String bankId,
        @NotNull @Size(max = 200) String name, @NotNull ProductType type,
        @Schema(nullable = true) @Size(max = 2000) String description,
        @NotNull @DecimalMin("0.01") @DecimalMax("100000000000") BigDecimal minAmount,
        @NotNull @DecimalMin("0.01") @DecimalMax("100000000000") BigDecimal maxAmount,
        @Min(1) @Max(600) int minTermMonths, @Min(1) @Max(600) int maxTermMonths,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal minAnnualRate,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal maxAnnualRate,
        @Schema(nullable = true) @Min(-1000) @Max(5000) Integer lprSpreadBps,
        @NotNull @Size(max = 6) List<GuaranteeType> guaranteeTypes,
        @NotNull @Size(max = RuleValidator.MAX_RULES) List<Rule> rules,
        @NotNull @Size(max = 20) List<UUID> policyToolIds,
        @NotNull @Size(max = 30) List<@Size(max = 200) String> materialsRequired,
        @Schema(nullable = true) LocalDate validFrom, @Schema(nullable = true) LocalDate validTo,
        @NotNull ProductStatus status, @Min(0) @Max(Long.MAX_VALUE) long version, @NotNull Instant createdAt,
        @NotNull Instant updatedAt, @Schema(nullable = true) Instant publishedAt) {

    /** A page of products as the API returns it. */
    public static PageResponse<ProductView> page(PageResponse<LoanProduct> found) {
        return new PageResponse<>(found.items().stream().map(ProductView::of).toList(), found.page(), found.size(),
                found.total());
    }

    public static ProductView of(LoanProduct p) {
        return new ProductView(p.id, p.bankId, p.name, p.type, p.description, p.minAmount, p.maxAmount,
                p.minTermMonths, p.maxTermMonths, p.minAnnualRate, p.maxAnnualRate, p.lprSpreadBps, p.guaranteeTypes,
                p.rules, p.policyToolIds, p.materialsRequired, p.validFrom, p.validTo, p.status, p.version,
                p.createdAt, p.updatedAt, p.publishedAt);
    }
}
