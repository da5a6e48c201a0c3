package com.finmatch.loan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.loan.domain.Lead;
import com.finmatch.loan.domain.LeadHistoryEntry;
import com.finmatch.loan.domain.LeadStatus;
import com.finmatch.loan.domain.LoanProduct;
import com.finmatch.platform.events.IncomingEvent;
import com.finmatch.platform.events.InvalidEventException;
import com.finmatch.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.UUID;

/**
 * Turns application.events into leads: ApplicationSubmitted opens a SUBMITTED lead for the product's bank, due after
 * the bank's promised working hours (weekends, public holidays and make-up working days as in
 * {@link WorkingCalendar}); ApplicationWithdrawn closes it as WITHDRAWN; ApplicationClosed (the need was met by
 * another loan or withdrawn) as CLOSED with the event's reason code; MaterialsSubmitted (the enterprise answered a 补件
 * request) moves the lead back to UNDER_REVIEW. Runs inside the inbox transaction.
 */
@ApplicationScoped
public class LeadIntake {

    private static final Logger LOG = Logger.getLogger(LeadIntake.class);

    @Inject
    BankService banks;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    LeadService leads;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        switch (event.name()) {
            case "ApplicationSubmitted" -> submitted(event.data());
            case "ApplicationWithdrawn" -> ended(event.data(), LeadStatus.WITHDRAWN, null);
            case "ApplicationClosed" -> ended(event.data(), LeadStatus.CLOSED, closeReason(event.data()));
            case "MaterialsSubmitted" -> {
                JsonNode data = event.data();
                if (!leads.materialsSubmitted(uuid(data, "applicationId", true), uuid(data, "enterpriseId", true),
                        time(data, "at"))) {
                    LOG.infof("MaterialsSubmitted for application %s, which waits for no materials",
                            text(data, "applicationId"));
                }
            }
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }

    private void submitted(JsonNode data) {
        UUID applicationId = uuid(data, "applicationId", true);
        if (Lead.findById(applicationId) != null) {
            return; // the same application delivered again under another ce_id
        }
        UUID productId = uuid(data, "productId", true);
        // the lead goes to the product's bank; the event's bankId serves when the product is not (yet) known here
        LoanProduct product = LoanProduct.findById(productId);
        String bankId = product != null ? product.bankId : text(data, "bankId");
        if (bankId == null) {
            throw new InvalidEventException("ApplicationSubmitted names no bankId and an unknown product");
        }
        Instant submittedAt = time(data, "submittedAt");
        Lead lead = new Lead();
        lead.id = applicationId;
        lead.enterpriseId = uuid(data, "enterpriseId", true);
        lead.financingNeedId = uuid(data, "financingNeedId", false);
        lead.productId = productId;
        lead.bankId = bankId;
        lead.amount = data.hasNonNull("amount") && data.get("amount").isNumber() ? data.get("amount").decimalValue()
                : null;
        lead.termMonths = data.hasNonNull("termMonths") && data.get("termMonths").canConvertToInt()
                ? data.get("termMonths").intValue() : null;
        lead.submittedAt = submittedAt;
        lead.dueAt = calendar.dueAt(submittedAt, banks.responseHours(bankId));
        lead.history = new ArrayList<>();
        lead.record(new LeadHistoryEntry(LeadStatus.SUBMITTED, submittedAt, null, null, lead.amount, null));
        lead.persist();
    }

    /** The enterprise side ended the application: the lead ends too, unless the bank ended it first. */
    private void ended(JsonNode data, LeadStatus status, String reasonCode) {
        UUID applicationId = uuid(data, "applicationId", true);
        Lead lead = Lead.findById(applicationId);
        if (lead == null) {
            LOG.warnf("%s for unknown application %s: nothing to end", status, applicationId);
            return;
        }
        if (lead.status.isFinal()) {
            return;
        }
        Instant at = data.hasNonNull("at") ? time(data, "at") : PlatformClock.now(clock);
        lead.record(new LeadHistoryEntry(status, at, reasonCode, null, null, null));
    }

    private static String closeReason(JsonNode data) {
        String reason = text(data, "reasonCode");
        if (reason == null) {
            throw new InvalidEventException("ApplicationClosed names no reasonCode");
        }
        return reason.length() > 40 ? reason.substring(0, 40) : reason;
    }

    static UUID uuid(JsonNode data, String field, boolean required) {
        String text = text(data, field);
        if (text == null) {
            if (required) {
                throw new InvalidEventException("missing " + field);
            }
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field + " is not a UUID");
        }
    }

    static String text(JsonNode data, String field) {
        JsonNode v = data.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    static Instant time(JsonNode data, String field) {
        String text = text(data, field);
        if (text == null) {
            throw new InvalidEventException("missing " + field);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field + " is not an ISO-8601 time");
        }
    }

    static BigDecimal number(JsonNode data, String field) {
        JsonNode v = data.get(field);
        return v == null || !v.isNumber() ? null : v.decimalValue();
    }
}
