package com.finmatch.loan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.finmatch.loan.api.DecisionRequest;
import com.finmatch.loan.domain.ConsentReplica;
import com.finmatch.loan.domain.DeclineReason;
import com.finmatch.loan.domain.EnterpriseReplica;
import com.finmatch.loan.domain.Lead;
import com.finmatch.loan.domain.LeadAction;
import com.finmatch.loan.domain.LeadHistoryEntry;
import com.finmatch.loan.domain.LeadStateMachine;
import com.finmatch.loan.domain.LeadStatus;
import com.finmatch.loan.security.LoanAccess;
import com.finmatch.platform.contracts.DataCategories;
import com.finmatch.platform.events.InvalidEventException;
import com.finmatch.platform.events.Outbox;
import com.finmatch.platform.contracts.MaterialKind;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.Problem;
import com.finmatch.platform.http.ProblemException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Banks' leads: lists by due time, one lead with the consented profile, and decisions through the state machine. */
@ApplicationScoped
public class LeadService {

    /** The category without which a bank sees nothing of the enterprise on a lead. */
    public static final String PROFILE = "PROFILE";

    @Inject
    LoanAccess access;

    @Inject
    Outbox outbox;

    @Inject
    WorkingCalendar calendar;

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<Lead> list(String bankIdFilter, LeadStatus status, Boolean overdue, PageRequest page,
            Instant now) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        access.leadListScope(bankIdFilter).ifPresent(bank -> {
            where.add("bankId = :bank");
            params.and("bank", bank);
        });
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (overdue != null) {
            String late = "(status = :submitted and (overdue = true or dueAt < :now))";
            where.add(overdue ? late : "not " + late);
            params.and("submitted", LeadStatus.SUBMITTED).and("now", now);
        }
        var query = where.isEmpty()
                ? Lead.<Lead>findAll(Sort.by("dueAt").and("id"))
                : Lead.<Lead>find(String.join(" and ", where), Sort.by("dueAt").and("id"), params);
        return new PageResponse<>(query.page(page.page, page.size).list(), page.page, page.size, query.count());
    }

    /** One lead, with the enterprise profile as its bank may see it (a bank's read is logged, see shownProfile). */
    @Transactional
    public LeadDetails get(UUID id, Instant now) {
        Lead lead = access.lead(Lead.findById(id));
        return new LeadDetails(lead, shownProfile(lead, now));
    }

    /**
     * Applies a bank's decision; an illegal move is 409 and changes nothing, and so is an approval or disbursement on
     * a need that another lead's loan has met already (one need, one loan).
     */
    @Transactional
    public LeadDetails decide(UUID id, DecisionRequest decision, Instant now) {
        Lead lead = access.decidableLead(Lead.findById(id, LockModeType.PESSIMISTIC_WRITE));
        DeclineReason reason = checkDecision(decision);
        LeadStatus previous = lead.status;
        if (decision.action() == LeadAction.REQUEST_MATERIALS
                && lead.materialRequests() >= Lead.MAX_MATERIAL_REQUESTS) {
            throw ProblemException.conflict("this lead has had " + Lead.MAX_MATERIAL_REQUESTS
                    + " requests for materials already; decide on what it has");
        }
        LeadStatus next = LeadStateMachine.next(previous, decision.action()).orElseThrow(() ->
                ProblemException.conflict(decision.action() + " is not possible on a " + previous + " lead; it needs "
                        + LeadStateMachine.legalFrom(decision.action())));
        OneLoanPerNeed.checkBefore(lead, next);
        BigDecimal amount = null;
        BigDecimal rate = null;
        switch (decision.action()) {
            case APPROVE -> {
                amount = Amounts.money(decision.amount());
                rate = Amounts.rate(decision.rate());
                lead.approvedAmount = amount;
                lead.approvedRate = rate;
            }
            case DISBURSE -> {
                amount = decision.amount() != null ? Amounts.money(decision.amount()) : lead.approvedAmount;
                lead.disbursedAmount = amount;
            }
            case DECLINE -> {
                lead.declineReason = reason.name();
                lead.resumeClock(now);
            }
            case REQUEST_MATERIALS -> lead.pauseClock(
                    decision.materials().stream().distinct().map(MaterialKind::name).toList(), now);
            default -> {
            }
        }
        if (previous == LeadStatus.SUBMITTED) {
            lead.answeredAt = now;
        }
        String note = blankToNull(decision.note());
        String reasonCode = reason == null ? null : reason.name();
        lead.record(new LeadHistoryEntry(next, now, reasonCode, note, amount, rate));
        OneLoanPerNeed.flush();
        outbox.publish(LoanEvents.LEAD_TOPIC, lead.id.toString(), LoanEvents.LEAD_STATUS_CHANGED,
                LoanEvents.LeadStatusChangedPayload.of(lead, previous, now, reasonCode, note, amount, rate)
                        .withResponseTime(lead, calendar.current()));
        return new LeadDetails(lead, shownProfile(lead, now));
    }

    /**
     * The enterprise answered the open 补件 request (MaterialsSubmitted on application.events): the lead is
     * UNDER_REVIEW again, its clock runs on (its due time later by the pause), and LeadStatusChanged says so. Nothing
     * happens when the lead no longer waits for materials (the bank declined it meanwhile, or the answer came twice).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean materialsSubmitted(UUID id, UUID enterpriseId, Instant at) {
        Lead lead = Lead.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (lead == null || !lead.enterpriseId.equals(enterpriseId)) {
            throw new InvalidEventException("no lead " + id + " of enterprise " + enterpriseId);
        }
        LeadStatus previous = lead.status;
        var next = LeadStateMachine.next(previous, LeadAction.SUBMIT_MATERIALS);
        if (next.isEmpty()) {
            return false;
        }
        lead.resumeClock(at);
        lead.record(new LeadHistoryEntry(next.get(), at, null, null, null, null));
        outbox.publish(LoanEvents.LEAD_TOPIC, lead.id.toString(), LoanEvents.LEAD_STATUS_CHANGED,
                LoanEvents.LeadStatusChangedPayload.of(lead, previous, at, null, null, null, null)
                        .withResponseTime(lead, calendar.current()));
        return true;
    }

    /** The input a decision needs beyond its shape (400 naming the field); the decline reason for DECLINE. */
    private static DeclineReason checkDecision(DecisionRequest d) {
        List<Problem.Violation> violations = new ArrayList<>();
        DeclineReason reason = null;
        if (d.action() == LeadAction.APPROVE) {
            if (d.amount() == null) {
                violations.add(new Problem.Violation("amount", "APPROVE needs the approved amount"));
            }
            if (d.rate() == null) {
                violations.add(new Problem.Violation("rate", "APPROVE needs the approved annual rate (%)"));
            }
        }
        if (d.action() == LeadAction.DECLINE) {
            if (d.reasonCode() == null || d.reasonCode().isBlank()) {
                violations.add(new Problem.Violation("reasonCode", "DECLINE needs a reason code, one of "
                        + Arrays.toString(DeclineReason.values())));
            } else {
                reason = Arrays.stream(DeclineReason.values()).filter(r -> r.name().equals(d.reasonCode()))
                        .findFirst().orElse(null);
                if (reason == null) {
                    violations.add(new Problem.Violation("reasonCode", "must be one of "
                            + Arrays.toString(DeclineReason.values())));
                } else if (reason.requiresNote() && blankToNull(d.note()) == null) {
                    violations.add(new Problem.Violation("note", "OTHER needs a note explaining the reason"));
                }
            }
        }
        if (!d.action().isBankDecision()) {
            violations.add(new Problem.Violation("action", d.action() + " is the enterprise's answer, not a decision"));
        }
        if (d.action() == LeadAction.REQUEST_MATERIALS) {
            if (d.materials() == null || d.materials().isEmpty()) {
                violations.add(new Problem.Violation("materials", "REQUEST_MATERIALS needs the kinds of material "
                        + "asked for, of " + Arrays.toString(MaterialKind.values())));
            }
            if (blankToNull(d.note()) == null) {
                violations.add(new Problem.Violation("note", "REQUEST_MATERIALS needs a message to the enterprise"));
            }
        } else if (d.materials() != null && !d.materials().isEmpty()) {
            violations.add(new Problem.Violation("materials", "only REQUEST_MATERIALS names materials"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return reason;
    }

    /**
     * The consented profile for the lead's answer. When it shows a bank anything, the read is announced
     * (EnterpriseProfileRead on lead.events, with the categories it revealed) so that enterprise-service adds it to
     * the enterprise's access log: on every answer that carries the profile, GET and decisions alike.
     */
    private JsonNode shownProfile(Lead lead, Instant now) {
        JsonNode profile = consentedProfile(lead, now);
        if (profile != null && !access.isOverseer()) {
            outbox.publish(LoanEvents.LEAD_TOPIC, lead.id.toString(), LoanEvents.ENTERPRISE_PROFILE_READ,
                    new LoanEvents.EnterpriseProfileReadPayload(lead.id, lead.enterpriseId, lead.bankId,
                            access.callerSubject(), DataCategories.get().categoriesIn(profile), now));
        }
        return profile;
    }

    /**
     * The enterprise profile, only while a consent for this bank (or all banks) covering PROFILE is live; of it only
     * the fields of the categories live consents cover (platform's DataCategories: the one definition of them).
     */
    private static JsonNode consentedProfile(Lead lead, Instant now) {
        List<ConsentReplica> consents = ConsentReplica.list("enterpriseId = ?1 and bankId in (?2, ?3)",
                lead.enterpriseId, lead.bankId, ConsentReplica.ALL_BANKS);
        List<String> granted = DataCategories.get().codes().stream()
                .filter(category -> consents.stream().anyMatch(c -> c.covers(lead.bankId, category, now))).toList();
        if (!granted.contains(PROFILE)) {
            return null;
        }
        EnterpriseReplica enterprise = EnterpriseReplica.findById(lead.enterpriseId);
        if (enterprise == null || !enterprise.profile.isObject()) {
            return null;
        }
        return DataCategories.get().visible((ObjectNode) enterprise.profile, granted);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
