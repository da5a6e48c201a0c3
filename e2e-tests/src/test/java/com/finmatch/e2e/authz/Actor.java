package com.finmatch.e2e.authz;

import com.finmatch.devstack.Tokens;
import java.util.Set;

/**
 * The callers of the authorization matrix: two enterprises' users, two banks each as an officer (password grant) and as
 * its systems (client credentials), an administrator, an auditor (reads the audit trails, may act on nothing), the
 * government's roles (the finance and the industry bureau, the districts 441202 — A's — and 441203 — B's), and no
 * token at all. Tokens come from the real Keycloak.
 */
enum Actor {
    ENT_A("ent34", false, "enterprise", null),
    ENT_B("ent35", false, "enterprise", null),
    BANK_X_USER("bank1", false, "bank", "ZQRCB"),
    BANK_X_CLIENT("bank-zqrcb", true, "bank", "ZQRCB"),
    BANK_Y_USER("bank3", false, "bank", "CCBZQ"),
    BANK_Y_CLIENT("bank-ccbzq", true, "bank", "CCBZQ"),
    ADMIN("admin1", false, "admin", null),
    AUDITOR("audit1", false, "auditor", null),
    FINANCE("fin1", false, "finance-bureau", null),
    INDUSTRY("ind1", false, "industry-bureau", null),
    DISTRICT_A("dist1", false, "district", null),
    DISTRICT_B("dist2", false, "district", null),
    NONE(null, false, null, null);

    static final Set<Actor> BANK_X = Set.of(BANK_X_USER, BANK_X_CLIENT);
    static final Set<Actor> BANK_Y = Set.of(BANK_Y_USER, BANK_Y_CLIENT);

    final String login;
    final boolean client;
    final String role;
    final String bankId;
    private String token;

    Actor(String login, boolean client, String role, String bankId) {
        this.login = login;
        this.client = client;
        this.role = role;
        this.bankId = bankId;
    }

    /** The access token (fetched once; the realm's tokens live 15 minutes, longer than a run). */
    synchronized String token() {
        if (this == NONE) {
            return null;
        }
        if (token == null) {
            token = client ? Tokens.forClient(login) : Tokens.forUser(login);
        }
        return token;
    }

    /** A short column heading for the printed table. */
    String column() {
        return this == NONE ? "no token" : login;
    }
}
