package com.finmatch.matching.domain.kpi;

/**
 * Restricts every KPI to the enterprises of a cluster and/or a district, and/or to one bank's products and leads;
 * {@code null} means "any". The filters combine with AND. What each filter means for each KPI is described on
 * {@link KpiCalculator}.
 *
 * <p>Codes are compared exactly (after trimming); a code nobody uses is not an error, it simply selects nothing.
 * Bank ids are codes such as {@code ZQRCB} (the {@code bank_id} claim), not UUIDs.
 */
public record KpiFilter(String cluster, String district, String bankId) {

    /** The longest code a filter accepts. */
    public static final int MAX_LENGTH = 64;

    /** No restriction. */
    public static final KpiFilter NONE = new KpiFilter(null, null, null);

    /** A filter value that is present but malformed; {@link #parameter()} names the query parameter. */
    public static final class InvalidFilterException extends IllegalArgumentException {
        private final String parameter;

        InvalidFilterException(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /**
     * A filter of optional request values: {@code null} (absent) means any; a present value is trimmed and must not be
     * blank nor longer than {@value #MAX_LENGTH} characters.
     *
     * @throws InvalidFilterException naming the first malformed parameter
     */
    public KpiFilter {
        cluster = code("cluster", cluster);
        district = code("district", district);
        bankId = code("bankId", bankId);
    }

    /** True when nothing is restricted. */
    public boolean isEmpty() {
        return cluster == null && district == null && bankId == null;
    }

    /**
     * True when the cluster and district filters admit this enterprise: always without them, otherwise only a known
     * enterprise ({@code null} is one the read model does not know) of that cluster and district.
     */
    boolean admitsEnterprise(KpiFacts.EnterpriseFact enterprise) {
        if (cluster == null && district == null) {
            return true;
        }
        return enterprise != null && (cluster == null || cluster.equals(enterprise.clusterCode()))
                && (district == null || district.equals(enterprise.districtCode()));
    }

    /** True when a fact of this bank passes the bank filter. */
    boolean admitsBank(String bank) {
        return bankId == null || bankId.equals(bank);
    }

    private static String code(String parameter, String value) {
        if (value == null) {
            return null;
        }
        String code = value.trim();
        if (code.isEmpty()) {
            throw new InvalidFilterException(parameter, "must not be blank");
        }
        if (code.length() > MAX_LENGTH) {
            throw new InvalidFilterException(parameter, "must be at most " + MAX_LENGTH + " characters");
        }
        return code;
    }
}
