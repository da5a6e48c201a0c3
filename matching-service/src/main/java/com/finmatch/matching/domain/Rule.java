package com.finmatch.matching.domain;

import java.util.List;

/**
 * An eligibility (hard) or appetite (soft) rule as a bank or an administrator wrote it: data, not code.
 *
 * @param field    an Enterprise or FinancingNeed field of CONTRACT.md, or {@code yearsInBusiness}
 * @param operator how the field is compared with the value
 * @param value    a number, string, boolean, or a list of them (IN, NOT_IN: list; BETWEEN: [low, high])
 * @param hard     true: the product is eligible only if the rule passes; false: the rule adds {@code weight}
 * @param weight   0–100, for soft rules
 * @param message  what the rule means for the enterprise, shown as a reason or as a failed rule
 */
public record Rule(String field, Operator operator, Object value, boolean hard, int weight, Message message) {

    /** The message, or one generated from the rule when the author gave none. */
    public Message messageOrDefault() {
        if (message != null && (message.zh() != null || message.en() != null)) {
            return new Message(message.zh() != null ? message.zh() : message.en(),
                    message.en() != null ? message.en() : message.zh());
        }
        String text = field + " " + (operator == null ? "?" : operator.symbol()) + " " + render(value);
        return new Message(text, text);
    }

    private static String render(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Rule::render).reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]").orElse("[]");
        }
        return String.valueOf(value);
    }
}
