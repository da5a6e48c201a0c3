package com.finmatch.loan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A government policy tool (risk-compensation pool, interest subsidy, government guarantee) products link to. */
@Entity
@Table(name = "policy_tool")
public class PolicyTool extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public PolicyToolKind kind;

    public String name;

    public String description;

    /** Interest subsidy in percentage points. */
    @Column(name = "subsidy_rate")
    public BigDecimal subsidyRate;

    /** Share of a loss a risk pool covers, 0–1. */
    @Column(name = "coverage_share")
    public BigDecimal coverageShare;

    @Column(name = "pool_size")
    public BigDecimal poolSize;

    @Column(name = "exposure_used")
    public BigDecimal exposureUsed;

    /** An interest subsidy's budget in yuan (null: unlimited), and how much of it is spent. */
    public BigDecimal budget;

    @Column(name = "budget_used")
    public BigDecimal budgetUsed;

    @Column(name = "per_enterprise_cap")
    public BigDecimal perEnterpriseCap;

    @Column(name = "guarantee_fee_rate")
    public BigDecimal guaranteeFeeRate;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
