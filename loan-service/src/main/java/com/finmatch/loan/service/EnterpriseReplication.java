package com.finmatch.loan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.loan.domain.ConsentReplica;
import com.finmatch.loan.domain.EnterpriseReplica;
import com.finmatch.platform.events.IncomingEvent;
import com.finmatch.platform.events.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the replica of enterprise profiles and consents from enterprise.events, which decides what a bank sees of
 * the enterprise behind a lead. Runs inside the inbox transaction.
 */
@ApplicationScoped
public class EnterpriseReplication {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(EnterpriseReplication.class);

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        switch (event.name()) {
            case "EnterpriseRegistered", "EnterpriseUpdated" -> profile(event.data());
            case "ConsentGranted" -> granted(event.data());
            case "ConsentRevoked" -> revoked(event.data());
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }

    private void profile(JsonNode data) {
        UUID id = LeadIntake.uuid(data, "enterpriseId", true);
        long version = data.path("version").asLong(0);
        EnterpriseReplica replica = EnterpriseReplica.findById(id);
        if (replica == null) {
            replica = new EnterpriseReplica();
            replica.enterpriseId = id;
        } else if (replica.version > version) {
            return; // an older profile arriving late
        }
        replica.ownerSub = LeadIntake.text(data, "ownerSub");
        replica.profile = data.deepCopy();
        replica.version = version;
        replica.updatedAt = clock.instant();
        replica.persist();
    }

    private void granted(JsonNode data) {
        UUID consentId = LeadIntake.uuid(data, "consentId", true);
        ConsentReplica consent = ConsentReplica.findById(consentId);
        if (consent == null) {
            consent = new ConsentReplica();
            consent.consentId = consentId;
        }
        consent.enterpriseId = LeadIntake.uuid(data, "enterpriseId", true);
        consent.bankId = LeadIntake.text(data, "bankId");
        if (consent.bankId == null) {
            throw new InvalidEventException("missing bankId");
        }
        List<String> categories = new ArrayList<>();
        data.path("categories").forEach(c -> categories.add(c.asText()));
        consent.categories = categories.toArray(String[]::new);
        consent.expiresAt = data.hasNonNull("expiresAt") ? LeadIntake.time(data, "expiresAt") : null;
        consent.grantedAt = data.hasNonNull("grantedAt") ? LeadIntake.time(data, "grantedAt") : clock.instant();
        consent.persist();
    }

    private void revoked(JsonNode data) {
        UUID consentId = LeadIntake.uuid(data, "consentId", true);
        ConsentReplica consent = ConsentReplica.findById(consentId);
        Instant at = data.hasNonNull("revokedAt") ? LeadIntake.time(data, "revokedAt") : clock.instant();
        if (consent == null) {
            // revoked before we saw the grant: remember the revocation so a late grant stays revoked
            consent = new ConsentReplica();
            consent.consentId = consentId;
            consent.enterpriseId = LeadIntake.uuid(data, "enterpriseId", true);
            consent.bankId = LeadIntake.text(data, "bankId") == null ? "*" : LeadIntake.text(data, "bankId");
            consent.categories = new String[0];
        }
        consent.revokedAt = at;
        consent.persist();
    }
}
