package com.finmatch.enterprise.service;

import com.finmatch.enterprise.api.ConsentRequest;
import com.finmatch.enterprise.api.ConsentView;
import com.finmatch.enterprise.domain.Consent;
import com.finmatch.enterprise.domain.DataCategory;
import com.finmatch.enterprise.domain.Enterprise;
import com.finmatch.enterprise.event.EnterpriseEvents;
import com.finmatch.enterprise.security.EnterpriseAccess;
import com.finmatch.platform.events.Outbox;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.time.PlatformClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** The consent ledger: grants per bank (or all banks) and data category, with expiry; revocation is immediate. */
@ApplicationScoped
public class ConsentService {

    /** A grant lasts at most this long; the enterprise renews it when it wants to. */
    static final int MAX_YEARS = 3;

    /** A consent given with an application lasts this long unless the enterprise chooses an expiry. */
    public static final int DAYS_ON_APPLY = 90;

    @Inject
    EnterpriseAccess access;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Transactional
    public ConsentView grant(UUID enterpriseId, ConsentRequest request) {
        Enterprise e = access.owned(enterpriseId);
        Instant now = PlatformClock.now(clock);
        return ConsentView.of(grant(e, request.bankId(), request.categories(), request.expiresAt().toInstant(), now,
                "expiresAt"), now);
    }

    /**
     * The consent an enterprise gives with an application (POST /applications): to the product's bank, for the
     * categories asked (PROFILE when none are named) until {@code expiresAt} ({@link #DAYS_ON_APPLY} days when none
     * is given). Runs in the application's transaction, so both are recorded or neither.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Consent grantOnApplication(Enterprise e, String bankId, Set<DataCategory> categories, Instant expiresAt) {
        Instant now = PlatformClock.now(clock);
        return grant(e, bankId, categories == null || categories.isEmpty() ? EnumSet.of(DataCategory.PROFILE)
                : categories, expiresAt == null ? now.plus(DAYS_ON_APPLY, ChronoUnit.DAYS) : expiresAt, now,
                "consent.expiresAt");
    }

    /** {@code expiryField}: the request's field an expiry too far ahead is reported on. */
    private Consent grant(Enterprise e, String bankId, Set<DataCategory> categories, Instant expiresAt, Instant now,
            String expiryField) {
        new Violations().check(!expiresAt.isAfter(now.atZone(java.time.ZoneOffset.UTC).plusYears(MAX_YEARS)
                .toInstant()), expiryField, "must be within " + MAX_YEARS + " years").throwIfAny();
        Consent c = new Consent();
        c.id = UUID.randomUUID();
        c.enterpriseId = e.id;
        c.bankId = bankId;
        c.categories = EnumSet.copyOf(categories);
        c.expiresAt = expiresAt;
        c.grantedAt = now;
        Persistence.persistAndFlush(c);
        outbox.publish(EnterpriseEvents.ENTERPRISE_TOPIC, e.id.toString(), EnterpriseEvents.CONSENT_GRANTED,
                EnterpriseEvents.ConsentGranted.of(c));
        return c;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<ConsentView> list(UUID enterpriseId, PageRequest page) {
        Enterprise e = access.ownedOrAdministered(enterpriseId);
        Instant now = PlatformClock.now(clock);
        var query = Consent.<Consent>find("enterpriseId", Sort.descending("grantedAt").and("id"), e.id);
        return Pages.of(query, page, c -> ConsentView.of(c, now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ConsentView get(UUID enterpriseId, UUID consentId) {
        Enterprise e = access.ownedOrAdministered(enterpriseId);
        return ConsentView.of(consentOf(e, consentId), PlatformClock.now(clock));
    }

    /** Revokes at once; revoking a revoked consent changes nothing (DELETE is idempotent). */
    @Transactional
    public void revoke(UUID enterpriseId, UUID consentId) {
        Enterprise e = access.owned(enterpriseId);
        Consent c = consentOf(e, consentId);
        if (c.revokedAt != null) {
            return;
        }
        c.revokedAt = PlatformClock.now(clock);
        Persistence.flush();
        outbox.publish(EnterpriseEvents.ENTERPRISE_TOPIC, e.id.toString(), EnterpriseEvents.CONSENT_REVOKED,
                new EnterpriseEvents.ConsentRevoked(e.id, c.id, c.bankId, c.revokedAt));
    }

    private static Consent consentOf(Enterprise e, UUID consentId) {
        Consent c = Consent.findById(consentId);
        if (c == null || !c.enterpriseId.equals(e.id)) {
            throw ProblemException.notFound("consent");
        }
        return c;
    }
}
