package com.finmatch.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is calling, in the terms of the finmatch realm: the subject (owner of enterprises), the realm roles and, for
 * banks, the {@code bank_id} claim, for districts the {@code district_code} claim. Service code asks this, never the
 * raw token.
 */
@RequestScoped
public class Caller {

    public static final String ENTERPRISE = "enterprise";
    public static final String BANK = "bank";
    /** The platform administrator: reference data, operations, and everything a bureau may do. */
    public static final String ADMIN = "admin";
    /** The city finance bureau (金融局): banks, products, policy tools, leads (read-only), scorecards. */
    public static final String FINANCE_BUREAU = "finance-bureau";
    /** The city industry bureau (工信局): enterprises, clusters, lists, major projects, IPO training. */
    public static final String INDUSTRY_BUREAU = "industry-bureau";
    /** A district government (区县): only the enterprises, needs, matches and KPIs of its {@code district_code}. */
    public static final String DISTRICT = "district";
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

    public boolean isFinanceBureau() {
        return identity.hasRole(FINANCE_BUREAU);
    }

    public boolean isIndustryBureau() {
        return identity.hasRole(INDUSTRY_BUREAU);
    }

    public boolean isDistrict() {
        return identity.hasRole(DISTRICT);
    }

    /**
     * The district a district caller is confined to, from the {@code district_code} claim; empty for callers who are
     * not confined to one. A district token without the claim may see no district: {@link #DISTRICT_NONE}.
     */
    public Optional<String> districtScope() {
        if (!isDistrict() || isAdmin()) {
            return Optional.empty();
        }
        Object claim = token.getClaim("district_code");
        return Optional.of(claim == null || claim.toString().isBlank() ? DISTRICT_NONE : claim.toString());
    }

    /** The scope of a district token without a {@code district_code}: a code no enterprise has, so it sees nothing. */
    public static final String DISTRICT_NONE = "-";

    /**
     * Whether the caller oversees an enterprise of this district: the administrator and the industry bureau every
     * one, a district its own.
     */
    public boolean overseesDistrict(String districtCode) {
        if (isAdmin() || isIndustryBureau()) {
            return true;
        }
        return isDistrict() && districtScope().map(d -> d.equals(districtCode)).orElse(false);
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
