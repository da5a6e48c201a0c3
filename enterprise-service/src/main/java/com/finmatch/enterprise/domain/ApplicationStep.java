package com.finmatch.enterprise.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.math.BigDecimal;
import java.time.Instant;

/** One timestamped step in an application's history. */
@Embeddable
public class ApplicationStep {

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;

    public Instant at;

    @Column(name = "reason_code")
    public String reasonCode;

    public String note;

    public BigDecimal amount;

    public ApplicationStep() {
    }

    public ApplicationStep(ApplicationStatus status, Instant at, String reasonCode, String note, BigDecimal amount) {
        this.status = status;
        this.at = at;
        this.reasonCode = reasonCode;
        this.note = note;
        this.amount = amount;
    }
}
