package com.finmatch.enterprise.domain;

/**
 * What a consent lets a bank see of an enterprise's profile. Which fields each category covers is defined once, for
 * every service, in platform's contracts/data-categories.json ({@link com.finmatch.platform.contracts.DataCategories}).
 */
public enum DataCategory {
    /** identity, classification, size, tags, listing intention: the profile without the fields below */
    PROFILE,
    /** revenue, profit, assets, liabilities, tax, R&D ratio */
    FINANCIALS,
    /** the contact person, phone and e-mail */
    CONTACTS,
    /** the documents the enterprise uploaded: their list, metadata and content (no profile field) */
    DOCUMENTS
}
