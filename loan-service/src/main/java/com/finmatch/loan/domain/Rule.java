package com.finmatch.loan.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An eligibility (hard) or appetite (soft, weighted) rule, kept as data: {@code {field, operator, value, hard,
 * weight, message: {zh, en}}}. Checked by {@link RuleValidator} before it is stored; evaluated by matching-service.
 */
public record Rule(String field, String operator, JsonNode value, Boolean hard, Integer weight, Message message) {

    public record Message(String zh, String en) {
    }

    public boolean isHard() {
        return Boolean.TRUE.equals(hard);
    }
}
