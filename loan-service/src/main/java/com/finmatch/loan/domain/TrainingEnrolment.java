package com.finmatch.loan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One enterprise's seat in a training offer. */
@Entity
@Table(name = "training_enrolment")
public class TrainingEnrolment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "offer_id")
    public UUID offerId;

    @Column(name = "enterprise_sub")
    public String enterpriseSub;

    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    @Column(name = "enrolled_at")
    public Instant enrolledAt;
}
