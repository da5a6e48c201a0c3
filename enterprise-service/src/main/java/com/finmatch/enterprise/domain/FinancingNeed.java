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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** What money an enterprise needs, for what, on which terms (融资需求). */
@Entity
@Table(name = "financing_need")
public class FinancingNeed extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    public BigDecimal amount;

    @Column(name = "term_months")
    public int termMonths;

    @Enumerated(EnumType.STRING)
    public FinancingPurpose purpose;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "financing_need_guarantee", joinColumns = @JoinColumn(name = "need_id"))
    @Column(name = "guarantee_type")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 50)
    public Set<GuaranteeType> guaranteeTypes = EnumSet.noneOf(GuaranteeType.class);

    @Column(name = "max_annual_rate")
    public BigDecimal maxAnnualRate;

    @Column(name = "needed_by")
    public LocalDate neededBy;

    @Column(name = "project_id")
    public UUID projectId;

    @Enumerated(EnumType.STRING)
    public NeedStatus status;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    public boolean isOpen() {
        return status == NeedStatus.OPEN;
    }
}
