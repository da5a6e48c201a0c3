package com.finmatch.loan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A bank's loan product (贷款产品): terms, accepted guarantees, eligibility and appetite rules as data, the policy
 * tools behind it, and its lifecycle status. {@link #version} counts every change (the ETag).
 */
@Entity
@Table(name = "loan_product")
public class LoanProduct extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "bank_id")
    public String bankId;

    public String name;

    @Enumerated(EnumType.STRING)
    public ProductType type;

    public String description;

    @Column(name = "min_amount")
    public BigDecimal minAmount;

    @Column(name = "max_amount")
    public BigDecimal maxAmount;

    @Column(name = "min_term_months")
    public int minTermMonths;

    @Column(name = "max_term_months")
    public int maxTermMonths;

    @Column(name = "min_annual_rate")
    public BigDecimal minAnnualRate;

    @Column(name = "max_annual_rate")
    public BigDecimal maxAnnualRate;

    @Column(name = "lpr_spread_bps")
    public Integer lprSpreadBps;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "guarantee_types")
    public List<GuaranteeType> guaranteeTypes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Rule> rules = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "policy_tool_ids")
    public List<UUID> policyToolIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "materials_required")
    public List<String> materialsRequired = new ArrayList<>();

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "districts_allowed")
    public String[] districtsAllowed;

    @Column(name = "districts_excluded")
    public String[] districtsExcluded;

    @Column(name = "clusters_allowed")
    public String[] clustersAllowed;

    @Column(name = "clusters_excluded")
    public String[] clustersExcluded;

    @Enumerated(EnumType.STRING)
    public ProductStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Version
    public long version;

    /** Sets the rules and the catalogue filters derived from their hard district and cluster rules. */
    public void setRules(List<Rule> newRules) {
        rules = new ArrayList<>(newRules);
        CatalogueFilter districts = CatalogueFilter.of(rules, "districtCode");
        districtsAllowed = districts.allowed();
        districtsExcluded = districts.excluded();
        CatalogueFilter clusters = CatalogueFilter.of(rules, "clusterCode");
        clustersAllowed = clusters.allowed();
        clustersExcluded = clusters.excluded();
    }
}
