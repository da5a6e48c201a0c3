package com.finmatch.enterprise.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An investment project of an enterprise in the major-project library (重大项目库). */
@Entity
public class Project extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    public String name;

    public String description;

    @Column(name = "investment_amount")
    public BigDecimal investmentAmount;

    @Column(name = "financing_gap")
    public BigDecimal financingGap;

    @Enumerated(EnumType.STRING)
    public ProjectStage stage;

    @Column(name = "district_code")
    public String districtCode;

    @Column(name = "term_months")
    public Integer termMonths;

    @Column(name = "registered_at")
    public Instant registeredAt;
}
