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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An application as the product's bank sees it. Its id is the application's id. The bank must answer (RECEIVE or
 * DECLINE) before {@link #dueAt}, which its response-time promise sets.
 */
@Entity
@Table(name = "lead")
public class Lead extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    @Column(name = "financing_need_id")
    public UUID financingNeedId;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "bank_id")
    public String bankId;

    public BigDecimal amount;

    @Column(name = "term_months")
    public Integer termMonths;

    @Enumerated(EnumType.STRING)
    public LeadStatus status;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** Set once by the overdue check when the bank let {@link #dueAt} pass without answering. */
    public boolean overdue;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "approved_amount")
    public BigDecimal approvedAmount;

    @Column(name = "approved_rate")
    public BigDecimal approvedRate;

    @Column(name = "disbursed_amount")
    public BigDecimal disbursedAmount;

    @Column(name = "decline_reason")
    public String declineReason;

    /** The material kinds (MaterialKind codes) of the open 补件 request; empty when none is open. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "materials_requested")
    public List<String> materialsRequested = new ArrayList<>();

    /** When the service-level clock was paused (a 补件 request is open); null while it runs. */
    @Column(name = "clock_paused_at")
    public Instant clockPausedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<LeadHistoryEntry> history = new ArrayList<>();

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * Overdue now: still unanswered (SUBMITTED) and past its due time (or already flagged by the check). A lead
     * waiting for materials (MATERIALS_REQUESTED, clock paused) is never overdue.
     */
    public boolean isOverdueAt(Instant now) {
        return status == LeadStatus.SUBMITTED && (overdue || now.isAfter(dueAt));
    }

    /** The most 补件 requests one lead takes (each adds two steps to the history, which is bounded). */
    public static final int MAX_MATERIAL_REQUESTS = 5;

    /** How many times the bank has asked for more materials on this lead. */
    public long materialRequests() {
        return history.stream().filter(e -> e.status() == LeadStatus.MATERIALS_REQUESTED).count();
    }

    /** Pauses the service-level clock: a 补件 request for {@code kinds} is open from {@code now}. */
    public void pauseClock(List<String> kinds, Instant now) {
        materialsRequested = new ArrayList<>(kinds);
        clockPausedAt = now;
    }

    /** Resumes the clock: the due time moves later by the time it was paused, and the request is closed. */
    public void resumeClock(Instant now) {
        if (clockPausedAt != null && dueAt != null && now.isAfter(clockPausedAt)) {
            dueAt = dueAt.plus(Duration.between(clockPausedAt, now));
        }
        clockPausedAt = null;
        materialsRequested = new ArrayList<>();
    }

    public void record(LeadHistoryEntry entry) {
        List<LeadHistoryEntry> next = new ArrayList<>(history);
        next.add(entry);
        history = next;
        status = entry.status();
        updatedAt = entry.at();
    }
}
