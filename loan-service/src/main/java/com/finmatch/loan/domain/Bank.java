package com.finmatch.loan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;

/** A bank in the registry, with its promise: an answer to every lead within {@link #responseHours} working hours. */
@Entity
public class Bank extends PanacheEntityBase {

    @Id
    @Column(name = "bank_id")
    public String bankId;

    public String name;

    @Column(name = "response_hours")
    public int responseHours;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
