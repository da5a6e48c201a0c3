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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An enterprise's application for a bank's loan product against one of its financing needs. */
@Entity
public class Application extends PanacheEntityBase {

    /** Statuses in which an application still blocks a second one for the same need and product. */
    public static final List<ApplicationStatus> ACTIVE = List.of(ApplicationStatus.SUBMITTED,
            ApplicationStatus.RECEIVED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED);

    @Id
    public UUID id;

    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    @Column(name = "financing_need_id")
    public UUID financingNeedId;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "product_name")
    public String productName;

    @Column(name = "bank_id")
    public String bankId;

    public BigDecimal amount;

    @Column(name = "term_months")
    public int termMonths;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "application_step", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 50)
    public List<ApplicationStep> history = new ArrayList<>();

    @Version
    public long version;

    public boolean hasRecorded(ApplicationStatus s) {
        return history.stream().anyMatch(step -> step.status == s);
    }

    /** Moves to {@code next} and records the step; the caller has checked that the move is legal. */
    public void record(ApplicationStep step) {
        status = step.status;
        updatedAt = step.at;
        history.add(step);
    }
}
