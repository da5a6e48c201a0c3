package com.finmatch.portal.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of the product form's rules, as its inputs show it: every value is text ready for its input (an empty row is
 * empty text, never a template's "not found"). Made from a rule of the API ({field, operator, value, hard, weight,
 * message{zh, en}}) or empty, for adding a rule.
 */
@io.quarkus.qute.TemplateData
public record RuleRow(String field, String operator, String value, boolean hard, String weight, String zh, String en) {
    static final RuleRow EMPTY = new RuleRow("", "", "", true, "", "", "");

    static RuleRow of(Map<String, Object> rule) {
        Map<?, ?> message = rule.get("message") instanceof Map<?, ?> m ? m : Map.of();
        return new RuleRow(text(rule.get("field")), text(rule.get("operator")), ProductRules.display(rule.get("value")),
                !Boolean.FALSE.equals(rule.get("hard")), text(rule.get("weight")), text(message.get("zh")),
                text(message.get("en")));
    }

    /** The rules shown in the form: the existing ones, then {@code empty} empty rows to add new ones. */
    static List<RuleRow> withEmptyRows(List<Map<String, Object>> rules, int empty) {
        List<RuleRow> rows = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            rows.add(of(rule));
        }
        for (int i = 0; i < empty; i++) {
            rows.add(EMPTY);
        }
        return rows;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
