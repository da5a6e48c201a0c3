package com.finmatch.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is calling, in the terms of the finmatch realm: the subject (owner of enterprises), the realm roles and, for
 * banks, the {@code bank_id} claim. Service code asks this, never the raw token.
 */
@RequestScoped
public class Caller {

    public static final String ENTERPRISE = "enterprise";
    public static final String BANK = "bank";
    public static final String ADMIN = "admin";
    /** Reads the audit trail (com.finmatch.platform.audit) and may act on nothing. */
    public static final String AUDITOR = "auditor";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** The token subject: the stable id of the user or API client. */
    public String subject() {
        String sub = token.getSubject();
        return sub != null ? sub : identity.getPrincipal().getName();
    }

    public String name() {
        String name = token.getClaim("preferred_username");
        return name != null ? name : subject();
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    public boolean isBank() {
        return identity.hasRole(BANK);
    }

    public boolean isEnterprise() {
        return identity.hasRole(ENTERPRISE);
    }

    /** The bank this caller acts for, from the {@code bank_id} claim; empty for non-bank callers. */
    public Optional<String> bankId() {
        Object claim = token.getClaim("bank_id");
        return isBank() && claim != null ? Optional.of(claim.toString()) : Optional.empty();
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }
}
