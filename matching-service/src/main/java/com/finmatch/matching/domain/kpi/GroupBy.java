package com.finmatch.matching.domain.kpi;

/** The dimensions KPIs can be grouped by. */
public enum GroupBy {
    CLUSTER, DISTRICT, BANK, PRODUCT;

    public static GroupBy parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return GroupBy.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
