package com.finmatch.matching.security;

import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/**
 * The one per-object check of matching-service: who may see an enterprise's recommendations and matches. Its owner
 * (the {@code ownerSub} of EnterpriseRegistered), the administrator and the government of its district (the
 * {@code district_code} claim) may; for anyone else the enterprise does not
 * exist (404). Banks see matches only on their own products and only for enterprises with a live consent.
 */
@RequestScoped
public class EnterpriseAccess {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** The enterprise id if the caller may read its recommendations; 404 otherwise. */
    public UUID readableRecommendations(String enterpriseId) {
        UUID id;
        try {
            id = UUID.fromString(enterpriseId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("enterprise");
        }
        List<?> found = em.createNativeQuery("select owner_sub, district_code from enterprise_rm where id = ?1")
                .setParameter(1, id).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("enterprise");
        }
        Object[] row = (Object[]) found.get(0);
        if (caller.isAdmin() || (caller.isDistrict() && caller.overseesDistrict((String) row[1]))
                || (caller.isEnterprise() && caller.subject().equals(row[0]))) {
            return id;
        }
        throw ProblemException.notFound("enterprise");
    }

    /** The caller's own enterprise; 404 before it was registered. */
    public UUID ownEnterprise() {
        List<?> ids = em.createNativeQuery("select cast(id as varchar) from enterprise_rm where owner_sub = ?1")
                .setParameter(1, caller.subject()).getResultList();
        if (ids.isEmpty()) {
            throw ProblemException.notFound("enterprise");
        }
        return UUID.fromString((String) ids.get(0));
    }

    /**
     * For a bank: the bank whose matches the caller may list (own products only). The administrator and districts get
     * null (all banks). A bank user without a bank_id claim acts for no bank: 403.
     */
    public String bankScope() {
        if (caller.isAdmin() || caller.isDistrict()) {
            return null;
        }
        return caller.bankId().orElseThrow(() -> ProblemException.forbidden("the token carries no bank_id"));
    }

    /**
     * The district a district caller sees (its {@code district_code}); empty for everyone else. Lists and KPIs are
     * confined to it.
     */
    public java.util.Optional<String> districtScope() {
        return caller.districtScope();
    }

    /** SQL condition (on alias m) that an enterprise has a live consent for a bank (parameter :bank). */
    public static final String LIVE_CONSENT = "exists (select 1 from consent_rm c where c.enterprise_id = m.enterprise_id"
            + " and (c.bank_id = :bank or c.bank_id = '*') and c.revoked_at is null"
            + " and (c.expires_at is null or c.expires_at > now()))";

    /**
     * SQL condition (on alias m, parameters :bank and :category0, :category1, …) that live consents for the bank
     * cover each of {@code count} categories: what showing a bank fields of those categories needs.
     */
    public static String liveConsentCovering(int count) {
        StringBuilder sql = new StringBuilder("(1 = 1");
        for (int i = 0; i < count; i++) {
            sql.append(" and exists (select 1 from consent_rm c where c.enterprise_id = m.enterprise_id")
                    .append(" and (c.bank_id = :bank or c.bank_id = '*') and c.revoked_at is null")
                    .append(" and (c.expires_at is null or c.expires_at > now())")
                    .append(" and (',' || c.categories || ',') like :category").append(i).append(')');
        }
        return sql.append(')').toString();
    }
}
