package com.finmatch.loan.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.loan.domain.RuleCatalogue.Field;
import com.finmatch.loan.domain.RuleCatalogue.FieldType;
import com.finmatch.loan.domain.RuleCatalogue.Operator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks rules before they are stored: a known field, an operator that fits the field's type, a value that parses
 * for that operator (a number, a code, a list, {@code [low, high]}), a weight 0–100 on soft rules, and a message in
 * Chinese and English. Each problem names the rule by its JSON path, e.g. {@code rules[2].operator}.
 */
public final class RuleValidator {

    public static final int MAX_RULES = 50;
    public static final int MAX_LIST = 200;
    public static final int MAX_MESSAGE = 500;
    public static final int MAX_CODE = 60;

    /** One problem with one rule: the JSON path of the offending part and what is wrong. */
    public record Violation(String field, String message) {
    }

    private RuleValidator() {
    }

    /** All problems of the rules; empty when every rule is valid. {@code path} is the rules' JSON name. */
    public static List<Violation> validate(List<Rule> rules, String path) {
        List<Violation> out = new ArrayList<>();
        if (rules == null) {
            return out;
        }
        if (rules.size() > MAX_RULES) {
            out.add(new Violation(path, "at most " + MAX_RULES + " rules"));
            return out;
        }
        for (int i = 0; i < rules.size(); i++) {
            validate(rules.get(i), path + "[" + i + "]", out);
        }
        return out;
    }

    private static void validate(Rule rule, String at, List<Violation> out) {
        if (rule == null) {
            out.add(new Violation(at, "must be a rule object"));
            return;
        }
        Optional<Field> field = RuleCatalogue.field(rule.field());
        if (rule.field() == null || rule.field().isBlank()) {
            out.add(new Violation(at + ".field", "must not be blank"));
        } else if (field.isEmpty()) {
            out.add(new Violation(at + ".field", "unknown field '" + abbreviate(rule.field())
                    + "'; known fields: " + RuleCatalogue.describeFields()));
        }
        Optional<Operator> operator = Optional.ofNullable(rule.operator()).flatMap(Operator::parse);
        if (rule.operator() == null || rule.operator().isBlank()) {
            out.add(new Violation(at + ".operator", "must not be blank"));
        } else if (operator.isEmpty()) {
            out.add(new Violation(at + ".operator", "unknown operator '" + abbreviate(rule.operator())
                    + "'; one of EQ, NE, GT, GE, LT, LE, IN, NOT_IN, CONTAINS, BETWEEN"));
        } else if (field.isPresent() && !field.get().type().operators.contains(operator.get())) {
            out.add(new Violation(at + ".operator", operator.get() + " does not apply to the "
                    + field.get().type().name().toLowerCase() + " field " + field.get().name() + "; use one of "
                    + field.get().type().operators));
        } else if (field.isPresent()) {
            validateValue(field.get(), operator.get(), rule.value(), at + ".value", out);
        }
        if (rule.hard() == null) {
            out.add(new Violation(at + ".hard", "must be true (eligibility) or false (appetite)"));
        }
        if (rule.weight() == null) {
            if (Boolean.FALSE.equals(rule.hard())) {
                out.add(new Violation(at + ".weight", "a soft rule needs a weight from 0 to 100"));
            }
        } else if (rule.weight() < 0 || rule.weight() > 100) {
            out.add(new Violation(at + ".weight", "must be from 0 to 100"));
        }
        if (rule.message() == null) {
            out.add(new Violation(at + ".message", "must have zh and en texts"));
        } else {
            text(rule.message().zh(), at + ".message.zh", out);
            text(rule.message().en(), at + ".message.en", out);
        }
    }

    private static void validateValue(Field field, Operator operator, JsonNode value, String at, List<Violation> out) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            out.add(new Violation(at, "must be given"));
            return;
        }
        switch (operator) {
            case IN, NOT_IN -> {
                if (!value.isArray() || value.isEmpty()) {
                    out.add(new Violation(at, operator + " needs a non-empty list"));
                } else if (value.size() > MAX_LIST) {
                    out.add(new Violation(at, "at most " + MAX_LIST + " values"));
                } else {
                    for (int i = 0; i < value.size(); i++) {
                        scalar(field, value.get(i), at + "[" + i + "]", out);
                    }
                }
            }
            case BETWEEN -> {
                if (!value.isArray() || value.size() != 2) {
                    out.add(new Violation(at, "BETWEEN needs a list [low, high]"));
                } else {
                    BigDecimal low = number(value.get(0), at + "[0]", out);
                    BigDecimal high = number(value.get(1), at + "[1]", out);
                    if (low != null && high != null && low.compareTo(high) > 0) {
                        out.add(new Violation(at, "low must not be greater than high"));
                    }
                }
            }
            default -> scalar(field, value, at, out);
        }
    }

    /** One value of the field's element type: a number, or a code (allowed values when the field enumerates them). */
    private static void scalar(Field field, JsonNode value, String at, List<Violation> out) {
        if (field.type() == FieldType.NUMBER) {
            number(value, at, out);
            return;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            out.add(new Violation(at, "must be a code (a non-empty string)"));
        } else if (value.asText().length() > MAX_CODE) {
            out.add(new Violation(at, "must be at most " + MAX_CODE + " characters"));
        } else if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(value.asText())) {
            out.add(new Violation(at, "'" + abbreviate(value.asText()) + "' is not a value of " + field.name()
                    + "; one of " + field.allowedValues().stream().sorted().toList()));
        }
    }

    private static BigDecimal number(JsonNode value, String at, List<Violation> out) {
        if (value != null && value.isNumber()) {
            return value.decimalValue();
        }
        out.add(new Violation(at, "must be a number"));
        return null;
    }

    private static void text(String text, String at, List<Violation> out) {
        if (text == null || text.isBlank()) {
            out.add(new Violation(at, "must not be blank"));
        } else if (text.length() > MAX_MESSAGE) {
            out.add(new Violation(at, "must be at most " + MAX_MESSAGE + " characters"));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
