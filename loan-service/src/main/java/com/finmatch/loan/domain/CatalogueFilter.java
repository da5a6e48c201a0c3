package com.finmatch.loan.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the hard rules of a product on one code field (districtCode, clusterCode) admit, as two lists the catalogue
 * can filter on with an index: the codes allowed (null: no restriction) and the codes excluded (null: none).
 */
public record CatalogueFilter(String[] allowed, String[] excluded) {

    public static CatalogueFilter of(List<Rule> rules, String field) {
        Set<String> allowed = null;
        Set<String> excluded = new LinkedHashSet<>();
        for (Rule rule : rules == null ? List.<Rule>of() : rules) {
            if (!rule.isHard() || !field.equals(rule.field())) {
                continue;
            }
            List<String> values = codes(rule.value());
            switch (rule.operator()) {
                case "EQ", "IN" -> {
                    if (allowed == null) {
                        allowed = new LinkedHashSet<>(values);
                    } else {
                        allowed.retainAll(values);
                    }
                }
                case "NE", "NOT_IN" -> excluded.addAll(values);
                default -> {
                    // other operators do not apply to codes
                }
            }
        }
        return new CatalogueFilter(allowed == null ? null : allowed.toArray(String[]::new),
                excluded.isEmpty() ? null : excluded.toArray(String[]::new));
    }

    /** Does a product with this filter admit the code? (The same test the catalogue query runs in SQL.) */
    public boolean admits(String code) {
        return (allowed == null || List.of(allowed).contains(code))
                && (excluded == null || !List.of(excluded).contains(code));
    }

    private static List<String> codes(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(v -> out.add(v.asText()));
        } else {
            out.add(value.asText());
        }
        return out;
    }
}
