package com.finmatch.enterprise.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A registered enterprise (企业), owned by the subject of the user who registered it. */
@Entity
public class Enterprise extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_sub")
    public String ownerSub;

    public String uscc;
    public String name;

    @Column(name = "legal_representative")
    public String legalRepresentative;

    @Column(name = "founded_on")
    public LocalDate foundedOn;

    @Column(name = "registered_capital")
    public BigDecimal registeredCapital;

    @Column(name = "district_code")
    public String districtCode;

    @Column(name = "industry_code")
    public String industryCode;

    @Column(name = "cluster_code")
    public String clusterCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "size_class")
    public SizeClass sizeClass;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "enterprise_tag", joinColumns = @JoinColumn(name = "enterprise_id"))
    @Column(name = "tag")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 50)
    public Set<EnterpriseTag> tags = EnumSet.noneOf(EnterpriseTag.class);

    public Integer employees;

    @Column(name = "annual_revenue")
    public BigDecimal annualRevenue;

    @Column(name = "revenue_growth")
    public BigDecimal revenueGrowth;

    @Column(name = "net_profit")
    public BigDecimal netProfit;

    @Column(name = "total_assets")
    public BigDecimal totalAssets;

    @Column(name = "total_liabilities")
    public BigDecimal totalLiabilities;

    @Column(name = "tax_paid")
    public BigDecimal taxPaid;

    @Column(name = "rd_ratio")
    public BigDecimal rdRatio;

    public Integer patents;

    @Column(name = "credit_rating")
    public String creditRating;

    @Enumerated(EnumType.STRING)
    @Column(name = "listing_intention")
    public ListingIntention listingIntention;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_board")
    public TargetBoard targetBoard;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public static Optional<Enterprise> ownedBy(String subject) {
        return find("ownerSub", subject).firstResultOptional();
    }

    public static boolean usccTaken(String uscc) {
        return count("uscc", uscc) > 0;
    }
}
