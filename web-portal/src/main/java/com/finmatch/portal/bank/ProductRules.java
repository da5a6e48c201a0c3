package com.finmatch.portal.bank;

import com.finmatch.portal.web.Forms;
import com.finmatch.portal.web.ReferenceData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule rows of the product form as CONTRACT.md's Rule: {field, operator, value, hard, weight, message{zh, en}}.
 * A row without a field is empty and skipped; IN / NOT_IN / BETWEEN take comma-separated values; numbers stay numbers.
 */
public final class ProductRules {
    private ProductRules() {
    }

    public static List<Map<String, Object>> fromForm(List<String> fields, List<String> operators, List<String> values,
            List<String> hard, List<String> weights, List<String> zh, List<String> en) {
        List<Map<String, Object>> rules = new ArrayList<>();
        int rows = fields == null ? 0 : fields.size();
        for (int i = 0; i < rows; i++) {
            String field = Forms.text(fields.get(i));
            if (field == null) {
                continue;
            }
            String operator = Forms.text(at(operators, i));
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("field", field);
            Forms.put(rule, "operator", operator);
            Forms.put(rule, "value", value(field, operator, at(values, i)));
            boolean isHard = !"false".equals(at(hard, i));
            rule.put("hard", isHard);
            Object weight = Forms.number(at(weights, i));
            rule.put("weight", isHard || weight == null ? 0 : weight);
            Map<String, Object> message = new LinkedHashMap<>();
            Forms.put(message, "zh", Forms.text(at(zh, i)));
            Forms.put(message, "en", Forms.text(at(en, i)));
            rule.put("message", message);
            rules.add(rule);
        }
        return rules;
    }

    /**
     * A rule's value typed by its field: numbers for the numeric fields, text for codes (a district code such as 441202
     * stays the text the service expects); lists for IN, NOT_IN and BETWEEN.
     */
    static Object value(String field, String operator, String raw) {
        String text = Forms.text(raw);
        if (text == null) {
            return null;
        }
        boolean numeric = ReferenceData.NUMBER_RULE_FIELDS.contains(field);
        if ("IN".equals(operator) || "NOT_IN".equals(operator) || "BETWEEN".equals(operator)) {
            return Arrays.stream(text.split("[,，、]")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(s -> scalar(s, numeric)).toList();
        }
        return scalar(text, numeric);
    }

    private static Object scalar(String text, boolean numeric) {
        return numeric && text.matches("-?\\d+(\\.\\d+)?") ? Forms.decimal(text) : text;
    }

    private static String at(List<String> list, int i) {
        return list != null && i < list.size() ? list.get(i) : null;
    }

    /** A rule's value as the form shows it again: lists comma-separated. */
    public static String display(Object value) {
        if (value instanceof List<?> l) {
            return String.join(",", l.stream().map(String::valueOf).toList());
        }
        return value == null ? "" : value.toString();
    }
}
