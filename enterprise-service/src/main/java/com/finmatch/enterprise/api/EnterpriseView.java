package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.Enterprise;
import com.finmatch.enterprise.domain.EnterpriseTag;
import com.finmatch.enterprise.domain.ListingIntention;
import com.finmatch.enterprise.domain.SizeClass;
import com.finmatch.enterprise.domain.TargetBoard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An enterprise profile as the API shows it to its owner and administrators. A bank sees only the fields of the
 * categories its live consents cover (platform's contracts/data-categories.json), so no field is required here.
 */
@Schema(description = "An enterprise profile; a bank is shown only the fields of the data categories it was granted")
public record EnterpriseView(
        UUID id,
        @Schema(maxLength = 18) String uscc,
        @Schema(maxLength = 200) String name,
        @Schema(maxLength = 100) String legalRepresentative,
        LocalDate foundedOn,
        BigDecimal registeredCapital,
        @Schema(maxLength = 20) String districtCode,
        @Schema(maxLength = 6) String industryCode,
        @Schema(maxLength = 40, nullable = true) String clusterCode,
        SizeClass sizeClass,
        @Schema(maxItems = 4) List<EnterpriseTag> tags,
        @Schema(minimum = "0", maximum = "10000000", nullable = true) Integer employees,
        @Schema(nullable = true) BigDecimal annualRevenue,
        @Schema(nullable = true) BigDecimal revenueGrowth,
        @Schema(nullable = true) BigDecimal netProfit,
        @Schema(nullable = true) BigDecimal totalAssets,
        @Schema(nullable = true) BigDecimal totalLiabilities,
        @Schema(nullable = true) BigDecimal taxPaid,
        @Schema(nullable = true) BigDecimal rdRatio,
        @Schema(minimum = "0", maximum = "1000000", nullable = true) Integer patents,
        @Schema(maxLength = 3, nullable = true) String creditRating,
        ListingIntention listingIntention,
        @Schema(nullable = true) TargetBoard targetBoard,
        @Schema(maxLength = 100, nullable = true) String contactName,
        @Schema(maxLength = 30, nullable = true) String contactPhone,
        @Schema(maxLength = 200, nullable = true) String contactEmail,
        Instant createdAt,
        Instant updatedAt,
        @Schema(minimum = "0", maximum = "9223372036854775807") long version) {

    public static EnterpriseView of(Enterprise e) {
        return new EnterpriseView(e.id, e.uscc, e.name, e.legalRepresentative, e.foundedOn, e.registeredCapital,
                e.districtCode, e.industryCode, e.clusterCode, e.sizeClass, e.tags.stream().sorted().toList(),
                e.employees, e.annualRevenue, e.revenueGrowth, e.netProfit, e.totalAssets, e.totalLiabilities,
                e.taxPaid, e.rdRatio, e.patents, e.creditRating, e.listingIntention, e.targetBoard, e.contactName,
                e.contactPhone, e.contactEmail, e.createdAt, e.updatedAt, e.version);
    }
}
