package com.finmatch.loan.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields a rule may test (the Enterprise and FinancingNeed fields of CONTRACT.md plus {@code yearsInBusiness}),
 * each with its type, the operators that fit that type, and for enumerated codes the values they may take. Each field
 * also says whose it is (the enterprise's or the financing need's) and how matching-service compares its values: an
 * ordinal scale (sizeClass, creditRating, listingIntention) or a hierarchical code matched by prefix (industryCode).
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

    /**
     * A field: its type and, for enumerated codes, the allowed values (empty: any non-blank code); whether it is an
     * Enterprise field (else a FinancingNeed field); its ordered scale, lowest first, when its codes are ranked (empty
     * otherwise); and whether a code matches every code below it (GB/T 4754 industry codes).
     */
    public record Field(String name, FieldType type, Set<String> allowedValues, boolean enterprise, List<String> scale,
            boolean prefix) {

        public boolean ordinal() {
            return !scale.isEmpty();
        }
    }

    /** The credit rating scale matching-service ranks, lowest first. */
    public static final List<String> CREDIT_RATING_SCALE = List.of("D", "C", "CC", "CCC", "B-", "B", "B+", "BB-", "BB",
            "BB+", "BBB-", "BBB", "BBB+", "A-", "A", "A+", "AA-", "AA", "AA+", "AAA");

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        for (String n : new String[] {"registeredCapital", "employees", "annualRevenue", "revenueGrowth", "netProfit",
                "totalAssets", "totalLiabilities", "taxPaid", "rdRatio", "patents", "yearsInBusiness"}) {
            enterprise(n, FieldType.NUMBER);
        }
        for (String n : new String[] {"amount", "termMonths", "maxAnnualRate"}) {
            need(n, FieldType.NUMBER);
        }
        enterprise("districtCode", FieldType.CODE);
        FIELDS.put("industryCode", new Field("industryCode", FieldType.CODE, Set.of(), true, List.of(), true));
        enterprise("clusterCode", FieldType.CODE);
        ranked("creditRating", false, CREDIT_RATING_SCALE);
        ranked("sizeClass", true, List.of("MICRO", "SMALL", "MEDIUM", "LARGE"));
        ranked("listingIntention", true, List.of("NONE", "CONSIDERING", "PREPARING"));
        enterprise("targetBoard", FieldType.CODE, "MAIN", "CHINEXT", "STAR", "BSE");
        need("purpose", FieldType.CODE, "WORKING_CAPITAL", "EQUIPMENT", "TECH_UPGRADE", "PROJECT", "RND",
                "SUPPLY_CHAIN");
        enterprise("tags", FieldType.SET, "SRDI_PROVINCIAL", "SRDI_LITTLE_GIANT", "HIGH_TECH", "TECH_SME");
        need("guaranteeTypes", FieldType.SET,
                Arrays.stream(GuaranteeType.values()).map(Enum::name).toArray(String[]::new));
    }

    private RuleCatalogue() {
    }

    private static void enterprise(String name, FieldType type, String... allowed) {
        FIELDS.put(name, new Field(name, type, Set.of(allowed), true, List.of(), false));
    }

    private static void need(String name, FieldType type, String... allowed) {
        FIELDS.put(name, new Field(name, type, Set.of(allowed), false, List.of(), false));
    }

    /** A ranked code of the enterprise; {@code enumerated}: only the scale's values may be written in a rule. */
    private static void ranked(String name, boolean enumerated, List<String> scale) {
        FIELDS.put(name, new Field(name, FieldType.CODE, enumerated ? Set.copyOf(scale) : Set.of(), true, scale,
                false));
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
