package com.finmatch.loan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An enterprise's consent for a bank (or all banks, {@code *}) to see categories of its data, from enterprise.events. */
@Entity
@Table(name = "consent_replica")
public class ConsentReplica extends PanacheEntityBase {

    public static final String ALL_BANKS = "*";

    @Id
    @Column(name = "consent_id")
    public UUID consentId;

    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    @Column(name = "bank_id")
    public String bankId;

    public String[] categories;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "granted_at")
    public Instant grantedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Live for a bank and category at a moment: not revoked, not expired, for this bank or all banks. */
    public boolean covers(String bank, String category, Instant at) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(at))
                && (ALL_BANKS.equals(bankId) || bankId.equals(bank))
                && List.of(categories).contains(category);
    }
}
