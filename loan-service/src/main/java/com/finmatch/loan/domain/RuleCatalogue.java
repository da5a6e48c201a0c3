package com.finmatch.loan.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields a rule may test (the Enterprise and FinancingNeed fields of CONTRACT.md plus {@code yearsInBusiness}),
 * each with its type, the operators that fit that type, and for enumerated codes the values they may take.
 */
public final class RuleCatalogue {

    public enum FieldType {
        NUMBER(EnumSet.of(Operator.EQ, Operator.NE, Operator.GT, Operator.GE, Operator.LT, Operator.LE,
                Operator.BETWEEN, Operator.IN, Operator.NOT_IN)),
        CODE(EnumSet.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN)),
        SET(EnumSet.of(Operator.CONTAINS, Operator.IN, Operator.NOT_IN));

        public final Set<Operator> operators;

        FieldType(Set<Operator> operators) {
            this.operators = operators;
        }
    }

    public enum Operator {
        EQ, NE, GT, GE, LT, LE, IN, NOT_IN, CONTAINS, BETWEEN;

        public static Optional<Operator> parse(String name) {
            return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst();
        }
    }

    /** A field: its type and, for enumerated codes, the allowed values (empty: any non-blank code). */
    public record Field(String name, FieldType type, Set<String> allowedValues) {
    }

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        for (String n : new String[] {"registeredCapital", "employees", "annualRevenue", "revenueGrowth", "netProfit",
                "totalAssets", "totalLiabilities", "taxPaid", "rdRatio", "patents", "yearsInBusiness", "amount",
                "termMonths", "maxAnnualRate"}) {
            add(n, FieldType.NUMBER);
        }
        for (String n : new String[] {"districtCode", "industryCode", "clusterCode", "creditRating"}) {
            add(n, FieldType.CODE);
        }
        add("sizeClass", FieldType.CODE, "MICRO", "SMALL", "MEDIUM", "LARGE");
        add("listingIntention", FieldType.CODE, "NONE", "CONSIDERING", "PREPARING");
        add("targetBoard", FieldType.CODE, "MAIN", "CHINEXT", "STAR", "BSE");
        add("purpose", FieldType.CODE, "WORKING_CAPITAL", "EQUIPMENT", "TECH_UPGRADE", "PROJECT", "RND",
                "SUPPLY_CHAIN");
        add("tags", FieldType.SET, "SRDI_PROVINCIAL", "SRDI_LITTLE_GIANT", "HIGH_TECH", "TECH_SME");
        add("guaranteeTypes", FieldType.SET,
                Arrays.stream(GuaranteeType.values()).map(Enum::name).toArray(String[]::new));
    }

    private RuleCatalogue() {
    }

    private static void add(String name, FieldType type, String... allowed) {
        FIELDS.put(name, new Field(name, type, Set.of(allowed)));
    }

    public static Optional<Field> field(String name) {
        return Optional.ofNullable(name).map(FIELDS::get);
    }

    public static Set<String> fieldNames() {
        return FIELDS.keySet();
    }

    public static String describeFields() {
        return FIELDS.values().stream().map(f -> f.name() + " (" + f.type().name().toLowerCase() + ")")
                .collect(Collectors.joining(", "));
    }
}
