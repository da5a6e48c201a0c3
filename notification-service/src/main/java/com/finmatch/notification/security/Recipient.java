package com.finmatch.notification.security;

import com.finmatch.notification.domain.Audience;
import com.finmatch.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The caller as a recipient of notifications: their audiences (their own, their bank's when the token carries
 * {@code bank_id}, the administrators' when they have the admin role) and the address their token names. A caller
 * sees and marks only notifications of these audiences; anything else is 404 to them.
 */
@RequestScoped
public class Recipient {

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    public String subject() {
        return caller.subject();
    }

    /** The {@code bank_id} claim, whatever the roles: every user whose token has it sees the bank's notifications. */
    public Optional<String> bankId() {
        Object claim = token.getClaim("bank_id");
        return claim == null || claim.toString().isBlank() ? Optional.empty() : Optional.of(claim.toString());
    }

    /** The {@code email} claim (Keycloak puts the user's address there), if the token carries one. */
    public Optional<String> email() {
        Object claim = token.getClaim("email");
        return claim == null || claim.toString().isBlank() ? Optional.empty() : Optional.of(claim.toString());
    }

    public boolean isAdmin() {
        return caller.isAdmin();
    }

    public List<String> audiences() {
        return Audience.of(subject(), bankId().orElse(null), caller.isAdmin());
    }

    /** When the token that opened a stream expires (the stream ends then; the client reconnects with a fresh one). */
    public Instant tokenExpiry() {
        return Instant.ofEpochSecond(token.getExpirationTime());
    }
}
