package com.finmatch.loan.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules of a lead's message thread. A message is 1–2000 characters (blank is empty). The thread stays open while
 * the lead is open and for {@link #OPEN_AFTER_FINAL} after it reached a final status (DECLINED, DISBURSED, WITHDRAWN,
 * CLOSED: questions about a decline or a disbursement still get answered), then it is read-only. A thread is short: at
 * most {@link #MAX_MESSAGES} messages.
 */
public final class MessageThreadRules {

    public static final int MAX_LENGTH = 2000;
    public static final int EXCERPT_LENGTH = 140;
    public static final int MAX_MESSAGES = 200;
    public static final Duration OPEN_AFTER_FINAL = Duration.ofDays(30);

    /** The enterprise is named only by its role: its name is PROFILE data, which a bank sees under consent only. */
    public static final String ENTERPRISE_AUTHOR_NAME = "申请企业";

    private MessageThreadRules() {
    }

    /** Why nobody may post on the lead's thread at {@code now}, or empty when posting is open. */
    public static Optional<String> closedReason(Lead lead, long messages, Instant now) {
        if (messages >= MAX_MESSAGES) {
            return Optional.of("this thread has " + MAX_MESSAGES + " messages, the most a lead keeps");
        }
        Instant finalAt = finalAt(lead);
        if (finalAt != null && now.isAfter(finalAt.plus(OPEN_AFTER_FINAL))) {
            return Optional.of("the lead has been " + lead.status + " since " + finalAt
                    + "; its thread closed 30 days later");
        }
        return Optional.empty();
    }

    /** When the lead reached its final status, or null while it is open. */
    static Instant finalAt(Lead lead) {
        if (lead.status == null || !lead.status.isFinal()) {
            return null;
        }
        for (int i = lead.history.size() - 1; i >= 0; i--) {
            if (lead.history.get(i).status() == lead.status) {
                return lead.history.get(i).at();
            }
        }
        return lead.updatedAt;
    }

    /** The first {@link #EXCERPT_LENGTH} characters (whole code points) of a message, for notifications. */
    public static String excerpt(String body) {
        if (body.codePointCount(0, body.length()) <= EXCERPT_LENGTH) {
            return body;
        }
        return body.substring(0, body.offsetByCodePoints(0, EXCERPT_LENGTH));
    }
}
