package com.finmatch.enterprise.domain;

/**
 * What a document is, in the words of the materials banks ask for (a product's {@code materialsRequired} in
 * loan-service is free text today, e.g. 营业执照, 近两年财务报表; these codes are what an upload is filed under).
 */
public enum DocumentKind {
    /** 营业执照 */
    BUSINESS_LICENSE,
    /** 财务报表 */
    FINANCIAL_STATEMENT,
    /** 纳税证明 */
    TAX_CERTIFICATE,
    /** 银行流水 */
    BANK_STATEMENT,
    /** anything else a bank asked for */
    OTHER
}
