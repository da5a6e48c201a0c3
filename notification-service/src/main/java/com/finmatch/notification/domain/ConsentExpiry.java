package com.finmatch.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A consent an enterprise granted (enterprise.events), remembered to remind its owner before it expires. */
@Entity
@Table(name = "consent_expiry")
public class ConsentExpiry extends PanacheEntityBase {

    @Id
    @Column(name = "consent_id")
    public UUID consentId;

    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    @Column(name = "bank_id")
    public String bankId;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public boolean revoked;

    public boolean reminded;
}
