package com.finmatch.loan.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An eligibility (hard) or appetite (soft, weighted) rule, kept as data: {@code {field, operator, value, hard,
 * weight, message: {zh, en}}}. Checked by {@link RuleValidator} before it is stored; evaluated by matching-service, and a training offer's hard
 * rules also by {@link EntryCriteria} on enrolment.
 */
public record Rule(String field, String operator, JsonNode value, Boolean hard, Integer weight, Message message) {

    public record Message(String zh, String en) {
    }

    public boolean isHard() {
        return Boolean.TRUE.equals(hard);
    }

    /** The message, or one made of the rule itself when none was stored (as matching-service does). */
    public Message messageOrDefault() {
        if (message != null && (message.zh() != null || message.en() != null)) {
            return new Message(message.zh() != null ? message.zh() : message.en(),
                    message.en() != null ? message.en() : message.zh());
        }
        String text = field + " " + operator + " " + value;
        return new Message(text, text);
    }
}
