package com.finmatch.enterprise.domain;

import java.util.Set;

/** What a consent lets a bank see of an enterprise's profile. */
public enum DataCategory {
    /** identity, classification, size, tags, listing intention: the profile without the fields below */
    PROFILE,
    /** revenue, profit, assets, liabilities, tax, R&D ratio */
    FINANCIALS,
    /** the contact person, phone and e-mail */
    CONTACTS;

    /** Enterprise fields (JSON names) shown to a bank only under a FINANCIALS consent. */
    public static final Set<String> FINANCIAL_FIELDS = Set.of("annualRevenue", "revenueGrowth", "netProfit",
            "totalAssets", "totalLiabilities", "taxPaid", "rdRatio");

    /** Enterprise fields (JSON names) shown to a bank only under a CONTACTS consent. */
    public static final Set<String> CONTACT_FIELDS = Set.of("contactName", "contactPhone", "contactEmail");
}
