package com.finmatch.portal.web;

import java.util.List;

/**
 * The codes the forms offer (CONTRACT.md enums, Zhaoqing's districts and the seeded clusters). Their labels are in the
 * message bundle ({@code district_441202}, {@code cluster_NEV_AUTO}, …).
 */
public final class ReferenceData {
    public static final List<String> DISTRICTS = List.of("441202", "441203", "441204", "441223", "441224", "441225",
            "441226", "441284", "ZQHTZ", "ZQXQ");
    public static final List<String> CLUSTERS = List.of("NEV_AUTO", "ENERGY_STORAGE", "ELECTRONICS", "METAL_HARDWARE",
            "NEW_MATERIALS", "GREEN_BUILDING", "FOOD_BEVERAGE", "FINE_CHEMICALS", "BIOMEDICINE", "SMART_HOME");
    public static final List<String> SIZE_CLASSES = List.of("MICRO", "SMALL", "MEDIUM", "LARGE");
    public static final List<String> TAGS = List.of("SRDI_PROVINCIAL", "SRDI_LITTLE_GIANT", "HIGH_TECH", "TECH_SME");
    public static final List<String> LISTING_INTENTIONS = List.of("NONE", "CONSIDERING", "PREPARING");
    public static final List<String> BOARDS = List.of("MAIN", "CHINEXT", "STAR", "BSE");
    /** enterprise-service's creditRating: AAA to D. */
    public static final List<String> CREDIT_RATINGS = List.of("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D");
    public static final List<String> PURPOSES = List.of("WORKING_CAPITAL", "EQUIPMENT", "TECH_UPGRADE", "PROJECT", "RND",
            "SUPPLY_CHAIN");
    public static final List<String> GUARANTEE_TYPES = List.of("CREDIT", "MORTGAGE", "GUARANTEE", "IP_PLEDGE",
            "RECEIVABLES", "POLICY_GUARANTEE");
    public static final List<String> PRODUCT_TYPES = List.of("CREDIT_LOAN", "MORTGAGE_LOAN", "GUARANTEED_LOAN",
            "IP_PLEDGE_LOAN", "SUPPLY_CHAIN", "EQUIPMENT_LOAN", "TECH_LOAN");
    public static final List<String> CONSENT_CATEGORIES = List.of("PROFILE", "FINANCIALS", "CONTACTS");
    /** The fields a rule may test: loan-service's RuleCatalogue, every one of them (a stored rule is never unshowable). */
    public static final List<String> RULE_FIELDS = List.of("districtCode", "clusterCode", "industryCode", "sizeClass",
            "tags", "yearsInBusiness", "registeredCapital", "employees", "annualRevenue", "revenueGrowth", "netProfit",
            "totalAssets", "totalLiabilities", "taxPaid", "rdRatio", "patents", "creditRating", "listingIntention",
            "targetBoard", "amount", "termMonths", "maxAnnualRate", "purpose", "guaranteeTypes");
    /** The rule fields whose values are numbers (RuleCatalogue's NUMBER fields); every other field takes codes. */
    public static final java.util.Set<String> NUMBER_RULE_FIELDS = java.util.Set.of("registeredCapital", "employees",
            "annualRevenue", "revenueGrowth", "netProfit", "totalAssets", "totalLiabilities", "taxPaid", "rdRatio",
            "patents", "yearsInBusiness", "amount", "termMonths", "maxAnnualRate");
    public static final List<String> RULE_OPERATORS = List.of("EQ", "NE", "GT", "GE", "LT", "LE", "IN", "NOT_IN",
            "CONTAINS", "BETWEEN");
    public static final List<String> DECISIONS = List.of("RECEIVE", "REVIEW", "REQUEST_MATERIALS", "APPROVE", "DECLINE",
            "DISBURSE");
    /** platform's MaterialKind: what a bank asks for (补件) and what a document is. */
    public static final List<String> MATERIAL_KINDS = List.of("BUSINESS_LICENSE", "FINANCIAL_STATEMENT",
            "TAX_CERTIFICATE", "BANK_STATEMENT", "LEGAL_REPRESENTATIVE_ID", "ARTICLES_OF_ASSOCIATION", "COLLATERAL_PROOF",
            "IP_CERTIFICATE", "CONTRACTS", "OTHER");
    public static final List<String> DECLINE_REASONS = List.of("INSUFFICIENT_REVENUE", "INSUFFICIENT_COLLATERAL",
            "CREDIT_HISTORY", "INDUSTRY_POLICY", "INCOMPLETE_MATERIALS", "OTHER");
    public static final List<String> PROJECT_STAGES = List.of("PLANNING", "PREPARATION", "UNDER_CONSTRUCTION", "COMPLETED");
    public static final List<String> TRAINING_FORMATS = List.of("OFFLINE", "ONLINE", "HYBRID");
    /** loan-service's PolicyToolKind. */
    public static final List<String> POLICY_TOOL_KINDS = List.of("RISK_POOL", "INTEREST_SUBSIDY", "GOVERNMENT_GUARANTEE");

    private ReferenceData() {
    }
}
