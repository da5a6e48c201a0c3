package com.finmatch.loan.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An eligibility (hard) or appetite (soft, weighted) rule, kept as data: {@code {field, operator, value, hard,
 * weight, message: {zh, en}}}. Checked by {@link RuleValidator} before it is stored; evaluated by matching-service, and a training offer's hard
 * rules also by {@link EntryCriteria} on enrolment.
 * <p>
 * Its OpenAPI schema is not read from this record: the shape of {@code value} depends on {@code operator}, so the
 * document describes a rule as one of ComparisonRule, ListRule, RangeRule ({@code META-INF/openapi.yaml}, and
 * {@code mp.openapi.schema.com.finmatch.loan.domain.Rule} in application.properties).
 */
public record Rule(@NotNull @Size(max = RuleValidator.MAX_CODE) String field,
        @NotNull @Schema(enumeration = {"EQ", "NE", "GT", "GE", "LT", "LE", "IN", "NOT_IN", "CONTAINS", "BETWEEN"})
        @Size(max = 10) String operator,
        @NotNull JsonNode value,
        @Schema(nullable = true, description = "true: eligibility (must pass); false or null: appetite (weighted)")
        Boolean hard,
        @Schema(nullable = true, description = "0–100, for soft rules") @Min(0) @Max(100) Integer weight,
        @Schema(nullable = true) Message message) {

    public record Message(@Size(max = RuleValidator.MAX_MESSAGE) String zh,
            @Size(max = RuleValidator.MAX_MESSAGE) String en) {
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
