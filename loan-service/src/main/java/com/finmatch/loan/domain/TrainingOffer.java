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

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An IPO-training offer (上市培育): entry criteria as rules and a fixed number of seats. */
@Entity
@Table(name = "training_offer")
public class TrainingOffer extends PanacheEntityBase {

    @Id
    public UUID id;

    public String organiser;

    public String title;

    public String format;

    public String description;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    public int seats;

    /** Decremented only by a conditional UPDATE (never below 0), see TrainingOfferService#enrol. */
    @Column(name = "seats_left")
    public int seatsLeft;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Rule> rules = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public TrainingOfferStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
