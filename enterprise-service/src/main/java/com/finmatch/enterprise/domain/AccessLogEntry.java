package com.finmatch.enterprise.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One read of an enterprise's data by a bank: who (bank and user or client), which categories, when. */
@Entity
@Table(name = "access_log")
public class AccessLogEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    @Column(name = "bank_id")
    public String bankId;

    public String subject;

    /** The categories the bank saw, comma-separated in {@link DataCategory} order. */
    public String categories;

    public String resource;

    @Column(name = "accessed_at")
    public Instant at;
}
