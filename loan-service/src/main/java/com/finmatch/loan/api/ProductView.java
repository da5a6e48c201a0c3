package com.finmatch.loan.api;

import com.finmatch.loan.domain.GuaranteeType;
import com.finmatch.loan.domain.LoanProduct;
import com.finmatch.loan.domain.ProductStatus;
import com.finmatch.loan.domain.ProductType;
import com.finmatch.loan.domain.Rule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A loan product with its rules, as the API returns it. */
public record ProductView(UUID id, String bankId, String name, ProductType type, String description,
        BigDecimal minAmount, BigDecimal maxAmount, int minTermMonths, int maxTermMonths, BigDecimal minAnnualRate,
        BigDecimal maxAnnualRate, Integer lprSpreadBps, List<GuaranteeType> guaranteeTypes, List<Rule> rules,
        List<UUID> policyToolIds, List<String> materialsRequired, LocalDate validFrom, LocalDate validTo,
        ProductStatus status, long version, Instant createdAt, Instant updatedAt, Instant publishedAt) {

    public static ProductView of(LoanProduct p) {
        return new ProductView(p.id, p.bankId, p.name, p.type, p.description, p.minAmount, p.maxAmount,
                p.minTermMonths, p.maxTermMonths, p.minAnnualRate, p.maxAnnualRate, p.lprSpreadBps, p.guaranteeTypes,
                p.rules, p.policyToolIds, p.materialsRequired, p.validFrom, p.validTo, p.status, p.version,
                p.createdAt, p.updatedAt, p.publishedAt);
    }
}
