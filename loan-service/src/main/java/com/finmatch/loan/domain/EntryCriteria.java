package com.finmatch.loan.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.loan.domain.RuleCatalogue.Field;
import com.finmatch.loan.domain.RuleCatalogue.FieldType;
import com.finmatch.loan.domain.RuleCatalogue.Operator;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The entry criteria of a training offer (its hard rules) tested against an enterprise's profile, as the JSON of
 * EnterpriseRegistered / EnterpriseUpdated. The semantics are matching-service's engine ({@code RuleCompiler},
 * {@code CompiledRule}, {@code MatchingEngine.writeEnterprise}), so that an offer it recommends can be enrolled in
 * and one it does not recommend cannot:
 * <ul>
 * <li>numbers compare as numbers (EQ NE GT GE LT LE, BETWEEN [low, high] inclusive, IN / NOT_IN a list);
 * {@code yearsInBusiness} is the whole years from {@code foundedOn} to {@code today} (none for a future date);</li>
 * <li>ranked codes (sizeClass, creditRating, listingIntention) compare by their position on the scale, like
 * numbers; a value off the scale is missing, a rule value off the scale makes the rule invalid;</li>
 * <li>codes: EQ / IN any of the values, NE / NOT_IN none of them, CONTAINS a substring; industryCode matches its
 * code and every code below it (prefix);</li>
 * <li>sets (tags): CONTAINS all of the values, IN any, NOT_IN none, EQ exactly, NE not exactly; no tags is the
 * empty set (as in the engine);</li>
 * <li>a missing number or code never passes, not even NE or NOT_IN;</li>
 * <li>a rule that cannot be understood (unknown field, operator that does not fit, value of the wrong kind) never
 * passes, and neither does one on a financing-need field: an enrolment has no need.</li>
 * </ul>
 */
public final class EntryCriteria {

    private EntryCriteria() {
    }

    /** The hard rules of {@code rules} that the profile fails, in rule order; empty when the enterprise may enrol. */
    public static List<Rule> failedHardRules(List<Rule> rules, JsonNode profile, LocalDate today) {
        List<Rule> failed = new ArrayList<>();
        if (rules != null) {
            for (Rule rule : rules) {
                if (rule != null && rule.isHard() && !passes(rule, profile, today)) {
                    failed.add(rule);
                }
            }
        }
        return failed;
    }

    /** Does the rule pass for this profile? Soft or hard alike; {@code today} is the date in China. */
    public static boolean passes(Rule rule, JsonNode profile, LocalDate today) {
        Optional<Field> found = RuleCatalogue.field(rule.field());
        Optional<Operator> parsed = Optional.ofNullable(rule.operator()).flatMap(Operator::parse);
        if (found.isEmpty() || !found.get().enterprise() || parsed.isEmpty()) {
            return false;
        }
        Field field = found.get();
        Operator op = parsed.get();
        JsonNode data = profile == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : profile;
        try {
            if (field.type() == FieldType.NUMBER || field.ordinal()) {
                return numeric(field, op, rule.value(), actualNumber(field, data, today));
            }
            if (field.type() == FieldType.SET) {
                return set(op, codes(rule.value()), actualSet(data.get(field.name())));
            }
            return code(field, op, codes(rule.value()), text(data.get(field.name())));
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------ numbers

    private static boolean numeric(Field field, Operator op, JsonNode value, double actual) {
        double inf = Double.POSITIVE_INFINITY;
        return switch (op) {
            case EQ -> { double x = number(field, single(value)); yield interval(actual, x, true, x, true, false); }
            case NE -> { double x = number(field, single(value)); yield interval(actual, x, true, x, true, true); }
            case GT -> interval(actual, number(field, single(value)), false, inf, true, false);
            case GE -> interval(actual, number(field, single(value)), true, inf, true, false);
            case LT -> interval(actual, -inf, true, number(field, single(value)), false, false);
            case LE -> interval(actual, -inf, true, number(field, single(value)), true, false);
            case BETWEEN -> {
                List<JsonNode> bounds = list(value);
                if (bounds.size() != 2) {
                    throw new IllegalArgumentException("BETWEEN needs [low, high]");
                }
                yield interval(actual, number(field, bounds.get(0)), true, number(field, bounds.get(1)), true, false);
            }
            case IN, NOT_IN -> {
                boolean found = false;
                for (JsonNode v : list(value)) {
                    found |= number(field, v) == actual; // every value is read, so a bad one invalidates the rule
                }
                yield !Double.isNaN(actual) && found != (op == Operator.NOT_IN);
            }
            case CONTAINS -> throw new IllegalArgumentException("CONTAINS does not apply to " + field.name());
        };
    }

    private static boolean interval(double v, double low, boolean lowInclusive, double high, boolean highInclusive,
            boolean outside) {
        if (Double.isNaN(v)) {
            return false;
        }
        boolean inside = (v > low || (lowInclusive && v == low)) && (v < high || (highInclusive && v == high));
        return inside != outside;
    }

    /** The number a rule value stands for: the number itself, or the position on the field's scale. */
    private static double number(Field field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new IllegalArgumentException("no value for " + field.name());
        }
        if (field.ordinal()) {
            int position = position(field, value.isValueNode() ? value.asText() : value.toString());
            if (position < 0) {
                throw new IllegalArgumentException(field.name() + " must be one of " + field.scale());
            }
            return position;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        try {
            return Double.parseDouble((value.isValueNode() ? value.asText() : value.toString()).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field.name() + " needs a number, not " + value);
        }
    }

    /** The profile's value of a numeric or ranked field; NaN when missing (it then passes no rule). */
    private static double actualNumber(Field field, JsonNode profile, LocalDate today) {
        if (field.name().equals("yearsInBusiness")) {
            String founded = text(profile.get("foundedOn"));
            if (founded == null) {
                return Double.NaN;
            }
            try {
                LocalDate foundedOn = LocalDate.parse(founded);
                return foundedOn.isAfter(today) ? Double.NaN : Period.between(foundedOn, today).getYears();
            } catch (DateTimeParseException e) {
                return Double.NaN;
            }
        }
        JsonNode v = profile.get(field.name());
        if (field.ordinal()) {
            int position = position(field, text(v));
            return position < 0 ? Double.NaN : position;
        }
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        try {
            return v.isTextual() ? Double.parseDouble(v.asText().trim()) : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static int position(Field field, String value) {
        return value == null ? -1 : field.scale().indexOf(value.trim().toUpperCase(Locale.ROOT));
    }

    // ------------------------------------------------------------------------------------------------ codes, sets

    private static boolean code(Field field, Operator op, List<String> values, String actual) {
        switch (op) {
            case EQ, IN, NE, NOT_IN, CONTAINS -> {
            }
            default -> throw new IllegalArgumentException(op + " does not apply to " + field.name());
        }
        if (actual == null) {
            return false;
        }
        boolean found = false;
        for (String v : values) {
            if (op == Operator.CONTAINS ? actual.contains(v) : field.prefix() ? actual.startsWith(v) : actual.equals(v)) {
                found = true;
                break;
            }
        }
        return op == Operator.NE || op == Operator.NOT_IN ? !found : found;
    }

    private static boolean set(Operator op, List<String> values, Set<String> actual) {
        Set<String> wanted = new HashSet<>(values);
        return switch (op) {
            case CONTAINS -> actual.containsAll(wanted);
            case IN -> wanted.stream().anyMatch(actual::contains);
            case NOT_IN -> wanted.stream().noneMatch(actual::contains);
            case EQ -> actual.equals(wanted);
            case NE -> !actual.equals(wanted);
            default -> throw new IllegalArgumentException(op + " does not apply to a set");
        };
    }

    /** The profile's set (tags): no array is the empty set, as the engine keeps it. */
    private static Set<String> actualSet(JsonNode v) {
        Set<String> out = new HashSet<>();
        if (v != null && v.isArray()) {
            v.forEach(e -> {
                String s = text(e);
                if (s != null) {
                    out.add(s);
                }
            });
        }
        return out;
    }

    /** The codes of a rule value: a list of scalars, or one scalar; null or nested values make the rule invalid. */
    private static List<String> codes(JsonNode value) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : list(value)) {
            if (v == null || v.isNull() || v.isContainerNode() || v.isMissingNode()) {
                throw new IllegalArgumentException("values must be codes");
            }
            out.add(v.asText());
        }
        return out;
    }

    private static JsonNode single(JsonNode value) {
        if (value != null && value.isArray()) {
            if (value.size() != 1) {
                throw new IllegalArgumentException("needs one value");
            }
            return value.get(0);
        }
        return value;
    }

    private static List<JsonNode> list(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new IllegalArgumentException("no value");
        }
        List<JsonNode> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(out::add);
        } else {
            out.add(value);
        }
        return out;
    }

    /** A scalar's text; null for a missing, null or nested value. */
    private static String text(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() || v.isContainerNode() ? null : v.asText();
    }
}
