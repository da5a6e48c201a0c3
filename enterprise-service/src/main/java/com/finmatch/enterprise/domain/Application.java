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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
            ApplicationStatus.RECEIVED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.MATERIALS_REQUESTED,
            ApplicationStatus.APPROVED);

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

    /** The material kinds (MaterialKind codes) of the bank's open 补件 request; empty when none is open. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "materials_requested")
    public List<String> materialsRequested = new ArrayList<>();

    @Version
    public long version;

    /** The step that opened the current 补件 request (its note is the bank's message); empty when none is open. */
    public java.util.Optional<ApplicationStep> openMaterialsRequest() {
        if (status != ApplicationStatus.MATERIALS_REQUESTED || history.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(history.get(history.size() - 1));
    }

    /**
     * Moves to {@code next} and records the step; the caller has checked that the move is legal. Leaving
     * MATERIALS_REQUESTED closes the 补件 request.
     */
    public void record(ApplicationStep step) {
        if (step.status != ApplicationStatus.MATERIALS_REQUESTED) {
            materialsRequested = new ArrayList<>();
        }
        status = step.status;
        updatedAt = step.at;
        history.add(step);
    }
}
