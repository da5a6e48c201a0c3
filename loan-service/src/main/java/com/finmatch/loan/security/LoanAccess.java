package com.finmatch.loan.security;

import com.finmatch.loan.domain.Lead;
import com.finmatch.loan.domain.LoanProduct;
import com.finmatch.loan.domain.ProductStatus;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.security.Caller;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * The one per-object access check of loan-service (OWASP API1). A bank reaches only its own products, leads and
 * decisions; administrators read all but decide on no lead (403); published products are public. An object the caller may not reach answers
 * 404, exactly like one that does not exist. Role checks stay on the resources (@RolesAllowed → 403).
 */
@RequestScoped
public class LoanAccess {

    @Inject
    Caller caller;

    /**
     * The bank the caller acts for; a bank token without a {@code bank_id} claim may not act for any bank (403), and no
     * token at all is 401, as everywhere (on the public catalogue, asking for drafts needs a bank's token).
     */
    public String callerBankId() {
        if (caller.isAnonymous()) {
            throw new UnauthorizedException();
        }
        return caller.bankId().orElseThrow(() -> ProblemException.forbidden("the token carries no bank_id claim"));
    }

    /** Anyone sees a published product; others only its own bank and administrators. */
    public LoanProduct readable(LoanProduct product) {
        if (product != null && (product.status == ProductStatus.PUBLISHED || isAdmin() || isOwnBank(product.bankId))) {
            return product;
        }
        throw ProblemException.notFound("product");
    }

    /** Changes to a product: its own bank only. */
    public LoanProduct changeable(LoanProduct product) {
        if (product != null && isOwnBank(product.bankId)) {
            return product;
        }
        if (product != null && product.status == ProductStatus.PUBLISHED) {
            throw ProblemException.forbidden("only the product's own bank may change it");
        }
        throw ProblemException.notFound("product");
    }

    /** Suspending a product: its own bank or an administrator. */
    public LoanProduct suspendable(LoanProduct product) {
        if (product != null && isAdmin()) {
            return product;
        }
        return changeable(product);
    }

    /** Reading a lead: the product's bank and administrators. */
    public Lead lead(Lead lead) {
        if (lead != null && (isAdmin() || isOwnBank(lead.bankId))) {
            return lead;
        }
        throw ProblemException.notFound("lead");
    }

    /**
     * Deciding on a lead: only the bank that owns it. An administrator sees the lead but may not decide (403), so that
     * no decision, and no KPI built on decisions, is made by hand on a bank's behalf.
     */
    public Lead decidableLead(Lead lead) {
        if (lead != null && isOwnBank(lead.bankId)) {
            return lead;
        }
        if (lead != null && isAdmin()) {
            throw ProblemException.forbidden("only the bank that owns a lead decides on it");
        }
        throw ProblemException.notFound("lead");
    }

    /** The bank whose leads the caller may list: its own for a bank, any (or none) for an administrator. */
    public Optional<String> leadListScope(String requestedBankId) {
        if (isAdmin()) {
            return Optional.ofNullable(requestedBankId);
        }
        return Optional.of(callerBankId());
    }

    /** For lists of products in other statuses than PUBLISHED: the bank the caller may see them for. */
    public Optional<String> ownProductsScope() {
        return isAdmin() ? Optional.empty() : Optional.of(callerBankId());
    }

    /** The token subject of the caller (a bank user or a bank's API client). */
    public String callerSubject() {
        return caller.subject();
    }

    public boolean isAdmin() {
        return !caller.isAnonymous() && caller.isAdmin();
    }

    private boolean isOwnBank(String bankId) {
        return !caller.isAnonymous() && caller.bankId().map(bankId::equals).orElse(false);
    }
}
