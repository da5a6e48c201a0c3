package com.finmatch.notification.service;

import com.finmatch.notification.domain.ConsentExpiry;
import com.finmatch.notification.domain.Draft;
import com.finmatch.notification.domain.EnterpriseOwner;
import com.finmatch.notification.domain.Events;
import com.finmatch.notification.domain.NotificationRules;
import com.finmatch.platform.events.IncomingEvent;
import com.finmatch.platform.events.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What each consumed event does here, inside the inbox's transaction: enterprise.events keep the owners and consents
 * this service needs; application.events and lead.events (status changes, overdue alarms, messages on a lead's
 * thread) become notifications through {@link NotificationRules}.
 * Events of the demo history (past leads of the seed) tell nobody.
 */
@ApplicationScoped
public class EventHandling {

    @Inject
    NotificationStore store;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEnterpriseEvent(IncomingEvent event) {
        switch (event.name()) {
            case "EnterpriseRegistered", "EnterpriseUpdated" -> remember(event.dataAs(Events.EnterpriseRegistered.class));
            case "ConsentGranted" -> consentGranted(event.dataAs(Events.ConsentGranted.class));
            case "ConsentRevoked" -> consentRevoked(event.dataAs(Events.ConsentRevoked.class));
            default -> {
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onApplicationEvent(IncomingEvent event) {
        if (event.isDemoHistory()) {
            return;
        }
        switch (event.name()) {
            case "ApplicationSubmitted" -> {
                Events.ApplicationSubmitted e = event.dataAs(Events.ApplicationSubmitted.class);
                if (e.bankId() == null || e.bankId().isBlank() || e.applicationId() == null) {
                    throw new InvalidEventException("ApplicationSubmitted without applicationId or bankId");
                }
                store.deliver(NotificationRules.leadReceived(event.id(), e, find(e.enterpriseId())));
            }
            case "ApplicationClosed" -> {
                Events.ApplicationClosed e = event.dataAs(Events.ApplicationClosed.class);
                store.deliver(NotificationRules.applicationClosed(event.id(), e, owner(e.enterpriseId())));
            }
            default -> {
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onLeadEvent(IncomingEvent event) {
        if (event.isDemoHistory()) {
            return;
        }
        switch (event.name()) {
            case "LeadStatusChanged" -> {
                Events.LeadStatusChanged e = event.dataAs(Events.LeadStatusChanged.class);
                NotificationRules.leadStatusChanged(event.id(), e, owner(e.enterpriseId())).ifPresent(store::deliver);
            }
            case "LeadOverdue" -> {
                Events.LeadOverdue e = event.dataAs(Events.LeadOverdue.class);
                if (e.bankId() == null || e.applicationId() == null || e.dueAt() == null || e.at() == null) {
                    throw new InvalidEventException("LeadOverdue without applicationId, bankId, dueAt or at");
                }
                for (Draft d : NotificationRules.leadOverdue(event.id(), e)) {
                    store.deliver(d);
                }
            }
            case "LeadMessagePosted" -> {
                Events.LeadMessagePosted e = event.dataAs(Events.LeadMessagePosted.class);
                if (e.applicationId() == null || e.bankId() == null || e.bankId().isBlank() || e.excerpt() == null
                        || e.excerpt().isBlank() || !List.of("BANK", "ENTERPRISE").contains(e.authorRole())) {
                    throw new InvalidEventException(
                            "LeadMessagePosted without applicationId, bankId or excerpt, or with an unknown authorRole");
                }
                // the bank's message needs the owner (retried while enterprise.events catches up); the enterprise's
                // message goes to the bank and names the enterprise when it is known
                Optional<EnterpriseOwner> enterprise = "BANK".equals(e.authorRole())
                        ? Optional.of(owner(e.enterpriseId())) : find(e.enterpriseId());
                store.deliver(NotificationRules.leadMessagePosted(event.id(), e, enterprise));
            }
            default -> {
            }
        }
    }

    private void remember(Events.EnterpriseRegistered e) {
        if (e.ownerSub() == null || e.name() == null) {
            throw new InvalidEventException("an enterprise without ownerSub or name");
        }
        EnterpriseOwner owner = EnterpriseOwner.findById(uuid(e.enterpriseId()));
        if (owner == null) {
            owner = new EnterpriseOwner();
            owner.enterpriseId = uuid(e.enterpriseId());
        }
        owner.ownerSub = e.ownerSub();
        owner.name = e.name();
        owner.persist();
    }

    private void consentGranted(Events.ConsentGranted e) {
        if (e.expiresAt() == null || e.bankId() == null) {
            throw new InvalidEventException("ConsentGranted without bankId or expiresAt");
        }
        UUID id = uuid(e.consentId());
        if (ConsentExpiry.findById(id) != null) {
            return;
        }
        ConsentExpiry c = new ConsentExpiry();
        c.consentId = id;
        c.enterpriseId = uuid(e.enterpriseId());
        c.bankId = e.bankId();
        c.expiresAt = e.expiresAt().toInstant();
        c.persist();
    }

    private void consentRevoked(Events.ConsentRevoked e) {
        ConsentExpiry c = ConsentExpiry.findById(uuid(e.consentId()));
        if (c != null) {
            c.revoked = true;
        }
    }

    private Optional<EnterpriseOwner> find(String enterpriseId) {
        return EnterpriseOwner.findByIdOptional(uuid(enterpriseId));
    }

    /**
     * The owner of an enterprise that enterprise.events has not told of yet (the topics are consumed side by side):
     * a transient failure — the inbox retries it with backoff while the other consumer catches up, then dead-letters
     * it (re-drivable).
     */
    private EnterpriseOwner owner(String enterpriseId) {
        return find(enterpriseId).orElseThrow(() -> new IllegalStateException(
                "enterprise " + enterpriseId + " is not known yet (its EnterpriseRegistered was not consumed)"));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new InvalidEventException("not a UUID: " + value);
        }
    }
}
