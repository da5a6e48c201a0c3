package com.finmatch.matching.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A bank's loan product as published on product.events. Only PUBLISHED products inside their validity match. */
public record LoanProduct(String productId, String bankId, String name, String type, BigDecimal minAmount,
        BigDecimal maxAmount, Integer minTermMonths, Integer maxTermMonths, BigDecimal minAnnualRate,
        BigDecimal maxAnnualRate, List<String> guaranteeTypes, List<Rule> rules, List<String> policyToolIds,
        LocalDate validFrom, LocalDate validTo, String status, long version) {
}
