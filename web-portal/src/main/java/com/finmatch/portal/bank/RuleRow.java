package com.finmatch.portal.bank;

import com.finmatch.portal.client.loan.model.ComparisonRule;
import com.finmatch.portal.client.loan.model.ComparisonRuleMessage;
import com.finmatch.portal.client.loan.model.ListRule;
import com.finmatch.portal.client.loan.model.RangeRule;
import com.finmatch.portal.client.loan.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of the product form's rules, as its inputs show it: every value is text ready for its input (an empty row is
 * empty text, never a template's "not found"). Made from a stored rule (one of loan-service's three rule shapes), from
 * the rows a user just posted (shown again with the service's errors), or empty, for adding a rule.
 */
@io.quarkus.qute.TemplateData
public record RuleRow(String field, String operator, String value, boolean hard, String weight, String zh, String en) {
    static final RuleRow EMPTY = new RuleRow("", "", "", true, "", "", "");

    /** The stored rules of a product, in order. */
    static List<RuleRow> of(List<Rule> rules) {
        List<RuleRow> rows = new ArrayList<>();
        for (Rule rule : rules == null ? List.<Rule>of() : rules) {
            if (rule instanceof ComparisonRule r) {
                rows.add(row(r.getField(), r.getOperator(), r.getValue(), r.getHard(), r.getWeight(), r.getMessage()));
            } else if (rule instanceof ListRule r) {
                rows.add(row(r.getField(), r.getOperator(), r.getValue(), r.getHard(), r.getWeight(), r.getMessage()));
            } else if (rule instanceof RangeRule r) {
                rows.add(row(r.getField(), r.getOperator(), r.getValue(), r.getHard(), r.getWeight(), r.getMessage()));
            }
        }
        return rows;
    }

    private static RuleRow row(String field, Object operator, Object value, Boolean hard, Integer weight,
            ComparisonRuleMessage message) {
        return new RuleRow(text(field), text(operator), ProductRules.display(value), !Boolean.FALSE.equals(hard),
                text(weight), message == null ? "" : text(message.getZh()), message == null ? "" : text(message.getEn()));
    }

    /** The rules as a user posted them ({@link ProductRules#fromForm}), to show them again with the errors. */
    static List<RuleRow> ofForm(List<Map<String, Object>> rules) {
        List<RuleRow> rows = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            Map<?, ?> message = rule.get("message") instanceof Map<?, ?> m ? m : Map.of();
            rows.add(new RuleRow(text(rule.get("field")), text(rule.get("operator")),
                    ProductRules.display(rule.get("value")), !Boolean.FALSE.equals(rule.get("hard")),
                    text(rule.get("weight")), text(message.get("zh")), text(message.get("en"))));
        }
        return rows;
    }

    /** The rules shown in the form: the given ones, then {@code empty} empty rows to add new ones. */
    static List<RuleRow> withEmptyRows(List<RuleRow> rules, int empty) {
        List<RuleRow> rows = new ArrayList<>(rules);
        for (int i = 0; i < empty; i++) {
            rows.add(EMPTY);
        }
        return rows;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
