package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.Enterprise;
import com.finmatch.enterprise.domain.EnterpriseTag;
import com.finmatch.enterprise.domain.ListingIntention;
import com.finmatch.enterprise.domain.SizeClass;
import com.finmatch.enterprise.domain.TargetBoard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An enterprise profile as the API shows it to its owner and administrators (banks see a consented subset). */
public record EnterpriseView(
        UUID id,
        String uscc,
        String name,
        String legalRepresentative,
        LocalDate foundedOn,
        BigDecimal registeredCapital,
        String districtCode,
        String industryCode,
        String clusterCode,
        SizeClass sizeClass,
        List<EnterpriseTag> tags,
        Integer employees,
        BigDecimal annualRevenue,
        BigDecimal revenueGrowth,
        BigDecimal netProfit,
        BigDecimal totalAssets,
        BigDecimal totalLiabilities,
        BigDecimal taxPaid,
        BigDecimal rdRatio,
        Integer patents,
        String creditRating,
        ListingIntention listingIntention,
        TargetBoard targetBoard,
        String contactName,
        String contactPhone,
        String contactEmail,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static EnterpriseView of(Enterprise e) {
        return new EnterpriseView(e.id, e.uscc, e.name, e.legalRepresentative, e.foundedOn, e.registeredCapital,
                e.districtCode, e.industryCode, e.clusterCode, e.sizeClass, e.tags.stream().sorted().toList(),
                e.employees, e.annualRevenue, e.revenueGrowth, e.netProfit, e.totalAssets, e.totalLiabilities,
                e.taxPaid, e.rdRatio, e.patents, e.creditRating, e.listingIntention, e.targetBoard, e.contactName,
                e.contactPhone, e.contactEmail, e.createdAt, e.updatedAt, e.version);
    }
}
