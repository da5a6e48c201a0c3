package com.finmatch.loan.api;

import com.finmatch.loan.domain.GuaranteeType;
import com.finmatch.loan.domain.LoanProduct;
import com.finmatch.loan.domain.ProductStatus;
import com.finmatch.loan.domain.ProductType;
import com.finmatch.loan.domain.Rule;
import com.finmatch.loan.domain.RuleValidator;
import com.finmatch.platform.contracts.MaterialKind;
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
        @NotNull @Size(max = 30) @Schema(description = "materialsRequired read as material kinds (platform's "
                + "MaterialKind): a code as itself, free text as the kind its words name, else OTHER; in the same order")
        List<Material> materials,
        @Schema(nullable = true) LocalDate validFrom, @Schema(nullable = true) LocalDate validTo,
        @NotNull ProductStatus status, @Min(0) @Max(Long.MAX_VALUE) long version, @NotNull Instant createdAt,
        @NotNull Instant updatedAt, @Schema(nullable = true) Instant publishedAt) {

    /** One item of materialsRequired, typed: its kind with both labels, and the bank's own words when not a code. */
    @Schema(name = "ProductMaterial", requiredProperties = {"kind", "labelZh", "labelEn", "text"})
    public record Material(MaterialKind kind, @Schema(maxLength = 40) String labelZh,
            @Schema(maxLength = 80) String labelEn,
            @Schema(nullable = true, maxLength = 200, description = "The item as the bank wrote it; null for a code")
            String text) {

        static Material of(String item) {
            MaterialKind kind = MaterialKind.classify(item);
            String text = MaterialKind.ofCode(item == null ? null : item.strip()).isPresent() ? null : item;
            return new Material(kind, kind.zh, kind.en, text);
        }
    }

    /** A page of products as the API returns it. */
    public static PageResponse<ProductView> page(PageResponse<LoanProduct> found) {
        return new PageResponse<>(found.items().stream().map(ProductView::of).toList(), found.page(), found.size(),
                found.total());
    }

    public static ProductView of(LoanProduct p) {
        return new ProductView(p.id, p.bankId, p.name, p.type, p.description, p.minAmount, p.maxAmount,
                p.minTermMonths, p.maxTermMonths, p.minAnnualRate, p.maxAnnualRate, p.lprSpreadBps, p.guaranteeTypes,
                p.rules, p.policyToolIds, p.materialsRequired,
                p.materialsRequired == null ? List.of() : p.materialsRequired.stream().map(Material::of).toList(),
                p.validFrom, p.validTo, p.status, p.version,
                p.createdAt, p.updatedAt, p.publishedAt);
    }
}
