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
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A grant by an enterprise to one bank (or to every bank, {@code *}) to read some categories of its data until
 * {@link #expiresAt}; revocation ends it at once.
 */
@Entity
public class Consent extends PanacheEntityBase {

    public static final String ALL_BANKS = "*";

    @Id
    public UUID id;

    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    @Column(name = "bank_id")
    public String bankId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "consent_category", joinColumns = @JoinColumn(name = "consent_id"))
    @Column(name = "category")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 50)
    public Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "granted_at")
    public Instant grantedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Live: neither revoked nor expired at {@code now}. */
    public boolean isLiveAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    public boolean covers(String bank) {
        return ALL_BANKS.equals(bankId) || bankId.equals(bank);
    }
}
