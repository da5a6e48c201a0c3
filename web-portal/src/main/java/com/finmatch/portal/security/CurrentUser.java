package com.finmatch.portal.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is looking at the page, as the templates need it: name, roles, bank. Only claims go into pages — never a token.
 */
@RequestScoped
@io.quarkus.qute.TemplateData
public class CurrentUser {
    public static final String ENTERPRISE = "enterprise";
    public static final String BANK = "bank";
    public static final String ADMIN = "admin";

    @Inject
    SecurityIdentity identity;

    @Inject
    Instance<JsonWebToken> idToken;

    public boolean loggedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        if (!loggedIn()) {
            return "";
        }
        String name = claim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }

    public String subject() {
        return claim("sub");
    }

    public String bankId() {
        return claim("bank_id");
    }

    public boolean enterprise() {
        return identity.hasRole(ENTERPRISE);
    }

    public boolean bank() {
        return identity.hasRole(BANK);
    }

    public boolean admin() {
        return identity.hasRole(ADMIN);
    }

    /** The start page of the user's role: where the login lands. */
    public String home() {
        if (admin()) {
            return "/admin";
        }
        if (bank()) {
            return "/bank";
        }
        if (enterprise()) {
            return "/enterprise";
        }
        return "/";
    }

    private String claim(String name) {
        if (!loggedIn() || !idToken.isResolvable()) {
            return null;
        }
        try {
            Object value = idToken.get().getClaim(name);
            return value == null ? null : value.toString().replace("\"", "");
        } catch (RuntimeException e) {
            return null;
        }
    }
}
