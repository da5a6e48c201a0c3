package com.finmatch.matching.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An enterprise as the matching engine sees it: the profile of EnterpriseRegistered / EnterpriseUpdated. */
public record EnterpriseProfile(String enterpriseId, String ownerSub, String uscc, String name,
        String legalRepresentative, LocalDate foundedOn, BigDecimal registeredCapital, String districtCode,
        String industryCode, String clusterCode, String sizeClass, List<String> tags, Integer employees,
        BigDecimal annualRevenue, BigDecimal revenueGrowth, BigDecimal netProfit, BigDecimal totalAssets,
        BigDecimal totalLiabilities, BigDecimal taxPaid, BigDecimal rdRatio, Integer patents, String creditRating,
        String listingIntention, String targetBoard, long version) {
}
