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
    public static final String FINANCE_BUREAU = "finance-bureau";
    public static final String INDUSTRY_BUREAU = "industry-bureau";
    public static final String DISTRICT = "district";

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

    /** The city finance bureau (金融局): scorecards, policy tools, banks. */
    public boolean financeBureau() {
        return identity.hasRole(FINANCE_BUREAU);
    }

    /** The city industry bureau (工信局): training, clusters, the major-project library. */
    public boolean industryBureau() {
        return identity.hasRole(INDUSTRY_BUREAU);
    }

    /** A district government: the dashboard, of its district only (matching-service confines it). */
    public boolean district() {
        return identity.hasRole(DISTRICT);
    }

    /** The district code of a district government's token. */
    public String districtCode() {
        return claim("district_code");
    }

    /** The pages of the finance bureau's desk: the administrator's and the bureau's. */
    public boolean financeDesk() {
        return admin() || financeBureau();
    }

    /** The pages of the industry bureau's desk: the administrator's and the bureau's. */
    public boolean industryDesk() {
        return admin() || industryBureau();
    }

    /** The KPI dashboard: the administrator's and the bureaus' (the whole city), a district's for its own district. */
    public boolean dashboard() {
        return admin() || financeBureau() || industryBureau() || district();
    }

    /** The start page of the user's role: where the login lands. */
    public String home() {
        if (admin() || district()) {
            return "/admin";
        }
        if (financeBureau()) {
            return "/admin/scorecards";
        }
        if (industryBureau()) {
            return "/admin/training-offers";
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
