package com.finmatch.loan.service;

import com.finmatch.loan.domain.AuthorRole;
import com.finmatch.loan.domain.Bank;
import com.finmatch.loan.domain.Lead;
import com.finmatch.loan.domain.LeadMessage;
import com.finmatch.loan.domain.MessageThreadRules;
import com.finmatch.loan.security.LoanAccess;
import com.finmatch.platform.events.Outbox;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.Problem;
import com.finmatch.platform.http.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A lead's message thread between its bank and the enterprise that applied: read oldest first; a post is stored and
 * announced (LeadMessagePosted on lead.events, through the outbox) in one transaction, so that the other side is
 * notified of every message and of none that was not stored.
 */
@ApplicationScoped
public class LeadMessageService {

    @Inject
    LoanAccess access;

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<LeadMessage> list(UUID leadId, PageRequest page) {
        Lead lead = access.messagesReadable(Lead.findById(leadId));
        var query = LeadMessage.<LeadMessage>find("leadId", Sort.by("postedAt").and("id"), lead.id);
        return new PageResponse<>(query.page(page.page, page.size).list(), page.page, page.size, query.count());
    }

    /** Posts {@code body} as the caller's side of the lead; 409 once the thread is closed or full. */
    @Transactional
    public LeadMessage post(UUID leadId, String body, Instant now) {
        Lead lead = Lead.findById(leadId, LockModeType.PESSIMISTIC_WRITE); // one post at a time: the cap holds
        AuthorRole role = access.messageAuthor(lead);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw ProblemException.invalid(List.of(new Problem.Violation("body", "must not be blank")));
        }
        MessageThreadRules.closedReason(lead, LeadMessage.count("leadId", lead.id), now).ifPresent(reason -> {
            throw ProblemException.conflict(reason);
        });
        LeadMessage message = new LeadMessage();
        message.id = UUID.randomUUID();
        message.leadId = lead.id;
        message.authorRole = role;
        message.authorSub = access.callerSubject();
        message.authorName = role == AuthorRole.BANK ? bankName(lead.bankId) : MessageThreadRules.ENTERPRISE_AUTHOR_NAME;
        message.body = text;
        message.postedAt = now.truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it: the event says the same
        message.persist();
        outbox.publish(LoanEvents.LEAD_TOPIC, lead.id.toString(), LoanEvents.LEAD_MESSAGE_POSTED,
                LoanEvents.LeadMessagePostedPayload.of(lead, message));
        return message;
    }

    /** The bank's name in the registry, or its id when it is not registered. */
    private static String bankName(String bankId) {
        Bank bank = Bank.findById(bankId);
        return bank != null && bank.name != null && !bank.name.isBlank() ? bank.name : bankId;
    }
}
