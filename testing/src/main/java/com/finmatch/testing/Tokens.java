package com.finmatch.testing;

import io.smallrye.jwt.build.Jwt;

import java.util.List;
import java.util.Map;

/**
 * Signed access tokens shaped like the finmatch realm's (realm_access.roles, aud finmatch-api, bank_id), accepted by
 * a service under {@link ServiceTestResources}. The subject is the user id that owns objects.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "finmatch-api";

    private Tokens() {
    }

    public static String enterprise(String subject) {
        return token(subject, List.of("enterprise"), Map.of());
    }

    public static String bank(String subject, String bankId) {
        return token(subject, List.of("bank"), Map.of("bank_id", bankId));
    }

    public static String admin(String subject) {
        return token(subject, List.of("admin"), Map.of());
    }

    /** An auditor's: reads the audit trail, may act on nothing. */
    public static String auditor(String subject) {
        return token(subject, List.of("auditor"), Map.of());
    }

    /** The city industry bureau's (工信局: enterprises, clusters, lists, major projects). */
    public static String industryBureau(String subject) {
        return token(subject, List.of("industry-bureau"), Map.of());
    }

    /** The realm roles a token can carry: what a service's {@code @RolesAllowed} may name. */
    public static final List<String> REALM_ROLES = List.of("enterprise", "bank", "admin", "auditor",
            "industry-bureau");

    /**
     * A token of one realm role (a bank's with {@code bank_id} ZQRCB); for {@code **} (any signed-in caller, as an
     * OpenAPI document's {@code x-roles-allowed} may say) an enterprise's.
     */
    public static String forRole(String role, String subject) {
        return switch (role) {
            case "enterprise", "**" -> enterprise(subject);
            case "bank" -> bank(subject, "ZQRCB");
            case "admin" -> admin(subject);
            case "auditor" -> auditor(subject);
            case "industry-bureau" -> industryBureau(subject);
            default -> throw new IllegalArgumentException("no token for role " + role + " (realm roles: "
                    + REALM_ROLES + ")");
        };
    }

    public static String token(String subject, List<String> roles, Map<String, Object> claims) {
        var builder = Jwt.subject(subject)
                .preferredUserName(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", roles));
        claims.forEach(builder::claim);
        return builder.sign();
    }

    /** A well-formed token for another audience: services must reject it with 401. */
    public static String forOtherAudience(String subject) {
        return Jwt.subject(subject).issuer(ISSUER).audience("someone-else")
                .claim("realm_access", Map.of("roles", List.of("admin"))).sign();
    }
}
