package com.finmatch.matching.domain.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a rule may test: the Enterprise and FinancingNeed fields of CONTRACT.md plus {@code yearsInBusiness}
 * (whole years since {@code foundedOn}) and {@code hasProject} (the need is a project's financing gap or linked to
 * one). Each field lives in one column of {@link Columns}.
 */
public enum Field {
    DISTRICT_CODE("districtCode", FieldType.CODE, true),
    INDUSTRY_CODE("industryCode", FieldType.CODE_PREFIX, true),
    CLUSTER_CODE("clusterCode", FieldType.CODE, true),
    SIZE_CLASS("sizeClass", FieldType.ORDINAL, true, "MICRO", "SMALL", "MEDIUM", "LARGE"),
    TAGS("tags", FieldType.SET, true),
    REGISTERED_CAPITAL("registeredCapital", FieldType.NUMBER, true),
    EMPLOYEES("employees", FieldType.NUMBER, true),
    ANNUAL_REVENUE("annualRevenue", FieldType.NUMBER, true),
    REVENUE_GROWTH("revenueGrowth", FieldType.NUMBER, true),
    NET_PROFIT("netProfit", FieldType.NUMBER, true),
    TOTAL_ASSETS("totalAssets", FieldType.NUMBER, true),
    TOTAL_LIABILITIES("totalLiabilities", FieldType.NUMBER, true),
    TAX_PAID("taxPaid", FieldType.NUMBER, true),
    RD_RATIO("rdRatio", FieldType.NUMBER, true),
    PATENTS("patents", FieldType.NUMBER, true),
    CREDIT_RATING("creditRating", FieldType.ORDINAL, true, "D", "C", "CC", "CCC", "B-", "B", "B+", "BB-", "BB", "BB+",
            "BBB-", "BBB", "BBB+", "A-", "A", "A+", "AA-", "AA", "AA+", "AAA"),
    LISTING_INTENTION("listingIntention", FieldType.ORDINAL, true, "NONE", "CONSIDERING", "PREPARING"),
    TARGET_BOARD("targetBoard", FieldType.CODE, true),
    FOUNDED_ON("foundedOn", FieldType.DATE, true),
    YEARS_IN_BUSINESS("yearsInBusiness", FieldType.NUMBER, true),
    USCC("uscc", FieldType.CODE, true),
    NAME("name", FieldType.CODE, true),
    LEGAL_REPRESENTATIVE("legalRepresentative", FieldType.CODE, true),
    AMOUNT("amount", FieldType.NUMBER, false),
    TERM_MONTHS("termMonths", FieldType.NUMBER, false),
    PURPOSE("purpose", FieldType.CODE, false),
    GUARANTEE_TYPES("guaranteeTypes", FieldType.SET, false),
    MAX_ANNUAL_RATE("maxAnnualRate", FieldType.NUMBER, false),
    NEEDED_BY("neededBy", FieldType.DATE, false),
    HAS_PROJECT("hasProject", FieldType.BOOLEAN, false);

    private static final Map<String, Field> BY_NAME = new HashMap<>();

    static {
        for (Field f : values()) {
            BY_NAME.put(f.jsonName, f);
        }
    }

    private final String jsonName;
    private final FieldType type;
    private final boolean enterprise;
    private final List<String> scale;
    private int column = -1;

    Field(String jsonName, FieldType type, boolean enterprise, String... scale) {
        this.jsonName = jsonName;
        this.type = type;
        this.enterprise = enterprise;
        this.scale = List.of(scale);
    }

    /** The field of a rule's {@code field}, or null for a name the platform does not know. */
    public static Field byName(String name) {
        return name == null ? null : BY_NAME.get(name);
    }

    public String jsonName() {
        return jsonName;
    }

    public FieldType type() {
        return type;
    }

    /** True for an Enterprise field, false for a FinancingNeed field. */
    public boolean enterprise() {
        return enterprise;
    }

    /** The ordered scale of an ORDINAL field, lowest first. */
    public List<String> scale() {
        return scale;
    }

    /** Position of a value on an ORDINAL field's scale, -1 if it is not on it. */
    public int ordinal(String value) {
        return value == null ? -1 : scale.indexOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** True when the field is stored as a number (NUMBER, DATE, ORDINAL, BOOLEAN). */
    public boolean numeric() {
        return type == FieldType.NUMBER || type == FieldType.DATE || type == FieldType.ORDINAL
                || type == FieldType.BOOLEAN;
    }

    /** Index of this field's column among the enterprise or need columns of its kind (numeric, code, set). */
    int column() {
        return column;
    }

    static {
        int[] counters = new int[6];
        for (Field f : values()) {
            int kind = (f.enterprise ? 0 : 3) + (f.numeric() ? 0 : f.type == FieldType.SET ? 2 : 1);
            f.column = counters[kind]++;
        }
    }

    static int columns(boolean enterprise, int kind) {
        int n = 0;
        for (Field f : values()) {
            int k = f.numeric() ? 0 : f.type == FieldType.SET ? 2 : 1;
            if (f.enterprise == enterprise && k == kind) {
                n++;
            }
        }
        return n;
    }
}
