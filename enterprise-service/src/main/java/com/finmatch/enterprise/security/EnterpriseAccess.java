package com.finmatch.enterprise.security;

import com.finmatch.enterprise.domain.Application;
import com.finmatch.enterprise.domain.Consent;
import com.finmatch.enterprise.domain.DataCategory;
import com.finmatch.enterprise.domain.Enterprise;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one per-object access check of enterprise-service (OWASP API1). An enterprise user reaches only its own
 * enterprise and what hangs off it; a bank reaches a profile only under a live consent, and an application only when
 * it is about one of its products; the administrator and the industry bureau read every enterprise, a district
 * those of its own district ({@code district_code}). Everyone else is answered 404, exactly as if the
 * object did not exist. Role checks (403) stay on the resources.
 */
@ApplicationScoped
public class EnterpriseAccess {

    @Inject
    Caller caller;

    /** What a caller may see of a profile: everything (owner, admin) or the categories a bank holds consent for. */
    public record ProfileAccess(Enterprise enterprise, Optional<String> readingBank, Set<DataCategory> categories) {

        public boolean isBankRead() {
            return readingBank.isPresent();
        }
    }

    /** Who reads an enterprise's documents: its owner, or a bank (named) under a live DOCUMENTS consent. */
    public record DocumentAccess(Enterprise enterprise, Optional<String> readingBank) {

        public boolean isBankRead() {
            return readingBank.isPresent();
        }
    }

    /** The caller's own enterprise; 404 before the caller registered one. */
    public Enterprise ownEnterprise() {
        return Enterprise.ownedBy(caller.subject()).orElseThrow(() -> ProblemException.notFound("enterprise"));
    }

    /** An enterprise the caller owns, for changes. */
    public Enterprise owned(UUID enterpriseId) {
        Enterprise e = Enterprise.findById(enterpriseId);
        if (e == null || !isOwner(e)) {
            throw ProblemException.notFound("enterprise");
        }
        return e;
    }

    /** An enterprise the caller owns, locked until the transaction ends (its uploads wait for each other: quota). */
    public Enterprise ownedForUpdate(UUID enterpriseId) {
        Enterprise e = Enterprise.findById(enterpriseId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null || !isOwner(e)) {
            throw ProblemException.notFound("enterprise");
        }
        return e;
    }

    /**
     * The documents of an enterprise, for its owner or a bank holding a live consent that covers DOCUMENTS; not for
     * administrators (the resources do not let them in).
     */
    public DocumentAccess documents(UUID enterpriseId, Instant now) {
        Enterprise e = Enterprise.findById(enterpriseId);
        if (e == null) {
            throw ProblemException.notFound("enterprise");
        }
        if (isOwner(e)) {
            return new DocumentAccess(e, Optional.empty());
        }
        Optional<String> bank = caller.bankId();
        if (bank.isPresent() && liveCategories(e.id, bank.get(), now).contains(DataCategory.DOCUMENTS)) {
            return new DocumentAccess(e, bank);
        }
        throw ProblemException.notFound("enterprise");
    }

    /**
     * An enterprise the caller owns or oversees (administrator, industry bureau, its district's government): for reads
     * of needs, consents, projects, log (which roles read which, the resources say).
     */
    public Enterprise ownedOrAdministered(UUID enterpriseId) {
        Enterprise e = Enterprise.findById(enterpriseId);
        if (e == null || !(isOwner(e) || oversees(e))) {
            throw ProblemException.notFound("enterprise");
        }
        return e;
    }

    /** The profile for its owner, an overseer, or a bank holding a live consent that covers PROFILE. */
    public ProfileAccess profile(UUID enterpriseId, Instant now) {
        Enterprise e = Enterprise.findById(enterpriseId);
        if (e == null) {
            throw ProblemException.notFound("enterprise");
        }
        if (isOwner(e) || oversees(e)) {
            return new ProfileAccess(e, Optional.empty(), EnumSet.allOf(DataCategory.class));
        }
        Optional<String> bank = caller.bankId();
        if (bank.isPresent()) {
            Set<DataCategory> granted = liveCategories(e.id, bank.get(), now);
            if (granted.contains(DataCategory.PROFILE)) {
                return new ProfileAccess(e, bank, granted);
            }
        }
        throw ProblemException.notFound("enterprise");
    }

    /** An application for its enterprise's owner, the bank of its product, or an administrator. */
    public Application readableApplication(UUID applicationId) {
        Application a = Application.findById(applicationId);
        if (a == null) {
            throw ProblemException.notFound("application");
        }
        boolean bankOfProduct = caller.bankId().map(a.bankId::equals).orElse(false);
        if (caller.isAdmin() || bankOfProduct || ownsEnterprise(a.enterpriseId)) {
            return a;
        }
        throw ProblemException.notFound("application");
    }

    /** An application of the caller's own enterprise, for changes (locked until the transaction ends). */
    public Application ownedApplication(UUID applicationId) {
        Application a = Application.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !ownsEnterprise(a.enterpriseId)) {
            throw ProblemException.notFound("application");
        }
        return a;
    }

    /** The union of the categories of the consents live at {@code now} for this bank (or all banks). */
    public static Set<DataCategory> liveCategories(UUID enterpriseId, String bankId, Instant now) {
        List<Consent> live = Consent.list("enterpriseId = ?1 and bankId in (?2, ?3) and revokedAt is null"
                + " and expiresAt > ?4", enterpriseId, bankId, Consent.ALL_BANKS, now);
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        live.forEach(c -> categories.addAll(c.categories));
        return categories;
    }

    /**
     * The district a district caller's lists are confined to (its {@code district_code}); empty for everyone else.
     * Lists add it as a condition, so asking for another district finds nothing.
     */
    public Optional<String> districtScope() {
        return caller.districtScope();
    }

    /** The administrator and the industry bureau oversee every enterprise, a district government its district's. */
    private boolean oversees(Enterprise e) {
        return caller.overseesDistrict(e.districtCode);
    }

    private boolean isOwner(Enterprise e) {
        return caller.isEnterprise() && e.ownerSub.equals(caller.subject());
    }

    private boolean ownsEnterprise(UUID enterpriseId) {
        if (!caller.isEnterprise()) {
            return false;
        }
        Enterprise e = Enterprise.findById(enterpriseId);
        return e != null && isOwner(e);
    }
}
