package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.EnterpriseTag;
import com.finmatch.enterprise.domain.ListingIntention;
import com.finmatch.enterprise.domain.SizeClass;
import com.finmatch.enterprise.domain.TargetBoard;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * The profile an enterprise registers (POST) or replaces (PUT). The USCC, the reference codes and the rules across
 * fields are checked by the service; the shape and ranges here.
 */
public record EnterpriseRequest(
        @NotBlank @Size(max = 18, message = "must have 18 characters") String uscc,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String legalRepresentative,
        @NotNull @PastOrPresent LocalDate foundedOn,
        @NotNull @DecimalMin("0") @DecimalMax("10000000000000") @Digits(integer = 14, fraction = 2)
        BigDecimal registeredCapital,
        @NotBlank @Size(max = 20) String districtCode,
        @NotBlank @Size(max = 6) String industryCode,
        @Size(max = 40) String clusterCode,
        @NotNull SizeClass sizeClass,
        @Size(max = 4) Set<@NotNull EnterpriseTag> tags,
        @Min(0) @Max(10_000_000) Integer employees,
        @DecimalMin("0") @DecimalMax("10000000000000") @Digits(integer = 14, fraction = 2) BigDecimal annualRevenue,
        @DecimalMin("-100") @DecimalMax("100000") @Digits(integer = 6, fraction = 2) BigDecimal revenueGrowth,
        @DecimalMin("-10000000000000") @DecimalMax("10000000000000") @Digits(integer = 14, fraction = 2)
        BigDecimal netProfit,
        @DecimalMin("0") @DecimalMax("10000000000000") @Digits(integer = 14, fraction = 2) BigDecimal totalAssets,
        @DecimalMin("0") @DecimalMax("10000000000000") @Digits(integer = 14, fraction = 2) BigDecimal totalLiabilities,
        @DecimalMin("0") @DecimalMax("10000000000000") @Digits(integer = 14, fraction = 2) BigDecimal taxPaid,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal rdRatio,
        @Min(0) @Max(1_000_000) Integer patents,
        @Size(max = 3)
        @Pattern(regexp = "^(AAA|AA|A|BBB|BB|B|CCC|CC|C|D)$", message = "must be a rating from AAA to D")
        String creditRating,
        ListingIntention listingIntention,
        TargetBoard targetBoard,
        @Size(max = 100) String contactName,
        @Size(max = 30) @Pattern(regexp = "^[0-9+\\- ()]*$", message = "must be a phone number") String contactPhone,
        @Size(max = 200) @Email String contactEmail) {
}
