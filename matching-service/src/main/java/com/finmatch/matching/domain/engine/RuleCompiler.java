package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.Operator;
import com.finmatch.matching.domain.Rule;

import com.finmatch.matching.domain.engine.CompiledRule.CodeMatch;
import com.finmatch.matching.domain.engine.CompiledRule.NumberInterval;
import com.finmatch.matching.domain.engine.CompiledRule.NumberSet;
import com.finmatch.matching.domain.engine.CompiledRule.SetMatch;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Rule} (data) into a {@link CompiledRule} (a predicate over columns). A rule that cannot be
 * understood compiles to {@link CompiledRule.Never}: a bank's typo makes its product ineligible, with the rule's
 * message among the failed rules, instead of making it eligible for everyone.
 */
final class RuleCompiler {

    private final Columns columns;

    RuleCompiler(Columns columns) {
        this.columns = columns;
    }

    CompiledRule compile(Rule rule) {
        Field field = Field.byName(rule.field());
        if (field == null) {
            return new CompiledRule.Never(rule, null, "unknown field " + rule.field());
        }
        if (rule.operator() == null) {
            return new CompiledRule.Never(rule, field, "no operator");
        }
        try {
            return switch (field.type()) {
                case NUMBER, DATE, ORDINAL, BOOLEAN -> numeric(rule, field);
                case CODE, CODE_PREFIX -> code(rule, field);
                case SET -> set(rule, field);
            };
        } catch (IllegalArgumentException e) {
            return new CompiledRule.Never(rule, field, e.getMessage());
        }
    }

    private CompiledRule numeric(Rule rule, Field field) {
        Operator op = rule.operator();
        if (field.type() == FieldType.BOOLEAN && op != Operator.EQ && op != Operator.NE) {
            throw new IllegalArgumentException(op + " does not apply to a true/false field");
        }
        double inf = Double.POSITIVE_INFINITY;
        return switch (op) {
            case EQ -> { double x = number(field, single(rule)); yield new NumberInterval(rule, field, x, true, x, true, false); }
            case NE -> { double x = number(field, single(rule)); yield new NumberInterval(rule, field, x, true, x, true, true); }
            case GT -> new NumberInterval(rule, field, number(field, single(rule)), false, inf, true, false);
            case GE -> new NumberInterval(rule, field, number(field, single(rule)), true, inf, true, false);
            case LT -> new NumberInterval(rule, field, -inf, true, number(field, single(rule)), false, false);
            case LE -> new NumberInterval(rule, field, -inf, true, number(field, single(rule)), true, false);
            case BETWEEN -> {
                List<Object> bounds = list(rule);
                if (bounds.size() != 2) {
                    throw new IllegalArgumentException("BETWEEN needs [low, high]");
                }
                yield new NumberInterval(rule, field, number(field, bounds.get(0)), true, number(field, bounds.get(1)),
                        true, false);
            }
            case IN, NOT_IN -> {
                List<Object> values = list(rule);
                double[] xs = new double[values.size()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = number(field, values.get(i));
                }
                yield new NumberSet(rule, field, xs, op == Operator.NOT_IN);
            }
            case CONTAINS -> throw new IllegalArgumentException("CONTAINS does not apply to " + field.jsonName());
        };
    }

    private CompiledRule code(Rule rule, Field field) {
        Dictionary dictionary = columns.dictionary(field);
        return switch (rule.operator()) {
            case EQ, IN -> new CodeMatch(rule, field, dictionary, strings(rule), CodeMatch.Mode.ANY);
            case NE, NOT_IN -> new CodeMatch(rule, field, dictionary, strings(rule), CodeMatch.Mode.NONE);
            case CONTAINS -> new CodeMatch(rule, field, dictionary, strings(rule), CodeMatch.Mode.SUBSTRING);
            default -> throw new IllegalArgumentException(rule.operator() + " does not apply to " + field.jsonName());
        };
    }

    private CompiledRule set(Rule rule, Field field) {
        long mask = columns.mask(field, List.of(strings(rule)));
        return switch (rule.operator()) {
            case CONTAINS -> new SetMatch(rule, field, mask, SetMatch.Mode.ALL);
            case IN -> new SetMatch(rule, field, mask, SetMatch.Mode.ANY);
            case NOT_IN -> new SetMatch(rule, field, mask, SetMatch.Mode.NONE);
            case EQ -> new SetMatch(rule, field, mask, SetMatch.Mode.EXACTLY);
            case NE -> new SetMatch(rule, field, mask, SetMatch.Mode.NOT_EXACTLY);
            default -> throw new IllegalArgumentException(rule.operator() + " does not apply to " + field.jsonName());
        };
    }

    private static Object single(Rule rule) {
        Object value = rule.value();
        if (value instanceof List<?> list) {
            if (list.size() != 1) {
                throw new IllegalArgumentException(rule.operator() + " needs one value");
            }
            return list.get(0);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Rule rule) {
        Object value = rule.value();
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        if (value == null) {
            throw new IllegalArgumentException("no value");
        }
        return List.of(value);
    }

    private static String[] strings(Rule rule) {
        List<String> out = new ArrayList<>();
        for (Object v : list(rule)) {
            if (v == null || v instanceof List<?> || v instanceof java.util.Map<?, ?>) {
                throw new IllegalArgumentException("values of " + rule.field() + " must be codes");
            }
            out.add(v.toString());
        }
        return out.toArray(String[]::new);
    }

    /** The number a value stands for on a numeric field: the number, the day of a date, the position on a scale. */
    static double number(Field field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("no value for " + field.jsonName());
        }
        return switch (field.type()) {
            case NUMBER -> {
                if (value instanceof Number n) {
                    yield n.doubleValue();
                }
                try {
                    yield Double.parseDouble(value.toString().trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(field.jsonName() + " needs a number, not " + value);
                }
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(value.toString().trim()).toEpochDay();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(field.jsonName() + " needs a date yyyy-MM-dd, not " + value);
                }
            }
            case ORDINAL -> {
                int position = field.ordinal(value.toString());
                if (position < 0) {
                    throw new IllegalArgumentException(field.jsonName() + " must be one of " + field.scale());
                }
                yield position;
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b ? 1 : 0;
                }
                String s = value.toString().trim();
                if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(field.jsonName() + " needs true or false");
                }
                yield Boolean.parseBoolean(s) ? 1 : 0;
            }
            default -> throw new IllegalArgumentException(field.jsonName() + " is not numeric");
        };
    }
}
