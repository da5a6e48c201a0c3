package com.finmatch.loan.security;

import com.finmatch.loan.domain.AuthorRole;
import com.finmatch.loan.domain.EnterpriseReplica;
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
 * decisions; the administrator and the finance bureau (overseers) read all but decide on no lead (403: the
 * decisions operation lets in banks only); published products are public. An object the caller may not reach answers
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

    /** Anyone sees a published product; others only its own bank and the overseers. */
    public LoanProduct readable(LoanProduct product) {
        if (product != null && (product.status == ProductStatus.PUBLISHED || isOverseer() || isOwnBank(product.bankId))) {
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

    /** Suspending a product: its own bank or an overseer. */
    public LoanProduct suspendable(LoanProduct product) {
        if (product != null && isOverseer()) {
            return product;
        }
        return changeable(product);
    }

    /** Reading a lead: the product's bank and the overseers. */
    public Lead lead(Lead lead) {
        if (lead != null && (isOverseer() || isOwnBank(lead.bankId))) {
            return lead;
        }
        throw ProblemException.notFound("lead");
    }

    /**
     * Deciding on a lead: only the bank that owns it. Overseers see the lead but may not decide (the operation lets in
     * banks only: 403), so that no decision, and no KPI built on decisions, is made by hand on a bank's behalf.
     */
    public Lead decidableLead(Lead lead) {
        if (lead != null && isOwnBank(lead.bankId)) {
            return lead;
        }
        throw ProblemException.notFound("lead");
    }

    /**
     * Reading a lead's message thread: its bank, the enterprise that applied (the enterprise whose {@code ownerSub},
     * as last received on enterprise.events, is the caller's token subject — the ownership enrolments use too) and
     * the overseers (read-only). Anyone else: 404.
     */
    public Lead messagesReadable(Lead lead) {
        if (lead != null && (isOverseer() || isOwnBank(lead.bankId) || isApplicant(lead))) {
            return lead;
        }
        throw ProblemException.notFound("lead");
    }

    /**
     * Posting on a lead's thread: only its two sides, as which side. Overseers read but do not post (the operation
     * lets in banks and enterprises only: 403); another bank or enterprise: 404.
     */
    public AuthorRole messageAuthor(Lead lead) {
        if (lead != null && isOwnBank(lead.bankId)) {
            return AuthorRole.BANK;
        }
        if (lead != null && isApplicant(lead)) {
            return AuthorRole.ENTERPRISE;
        }
        throw ProblemException.notFound("lead");
    }

    /** The bank whose leads the caller may list: its own for a bank, any (or none) for an overseer. */
    public Optional<String> leadListScope(String requestedBankId) {
        if (isOverseer()) {
            return Optional.ofNullable(requestedBankId);
        }
        return Optional.of(callerBankId());
    }

    /** For lists of products in other statuses than PUBLISHED: the bank the caller may see them for. */
    public Optional<String> ownProductsScope() {
        return isOverseer() ? Optional.empty() : Optional.of(callerBankId());
    }

    /** The token subject of the caller (a bank user or a bank's API client). */
    public String callerSubject() {
        return caller.subject();
    }

    /** The administrator or the finance bureau (金融局): they read every bank's products and leads. */
    public boolean isOverseer() {
        return !caller.isAnonymous() && (caller.isAdmin() || caller.isFinanceBureau());
    }

    /** The caller is an enterprise user who owns the enterprise that applied for the lead. */
    private boolean isApplicant(Lead lead) {
        return !caller.isAnonymous() && caller.isEnterprise() && EnterpriseReplica.count(
                "enterpriseId = ?1 and ownerSub = ?2", lead.enterpriseId, caller.subject()) > 0;
    }

    private boolean isOwnBank(String bankId) {
        return !caller.isAnonymous() && caller.bankId().map(bankId::equals).orElse(false);
    }
}
