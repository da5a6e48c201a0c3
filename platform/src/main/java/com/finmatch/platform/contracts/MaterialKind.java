package com.finmatch.platform.contracts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one list of the materials (申请材料) a bank asks for and an enterprise uploads: a product's
 * {@code materialsRequired}, a bank's 补件 request and a document's {@code kind} all use these codes, so that
 * enterprise-service can check what a product requires against what an enterprise has uploaded.
 *
 * <p>A product's {@code materialsRequired} stays a list of strings (backward compatible): each item is either one of
 * these codes or free text written before the codes existed (e.g. 近两年财务报表), which {@link #classify} reads as the
 * kind its words name, else {@link #OTHER}.
 */
public enum MaterialKind {
    BUSINESS_LICENSE("营业执照", "Business licence", List.of("营业执照", "business licen")),
    FINANCIAL_STATEMENT("近两年财务报表", "Financial statements (last 2 years)",
            List.of("财务报表", "财报", "审计报告", "资产负债表", "利润表", "financial statement")),
    TAX_CERTIFICATE("纳税证明", "Tax certificate", List.of("纳税", "完税", "税单", "tax")),
    BANK_STATEMENT("银行流水", "Bank statements", List.of("银行流水", "流水", "对账单", "bank statement")),
    LEGAL_REPRESENTATIVE_ID("法定代表人身份证", "Legal representative's ID", List.of("身份证", "法人代表", "法定代表人", "identity")),
    ARTICLES_OF_ASSOCIATION("公司章程", "Articles of association", List.of("章程", "articles of association")),
    COLLATERAL_PROOF("抵押物权属证明", "Proof of collateral ownership", List.of("抵押", "不动产", "房产证", "collateral")),
    IP_CERTIFICATE("知识产权证书", "IP certificates (patents, trademarks)", List.of("专利", "知识产权", "商标", "patent")),
    CONTRACTS("购销合同", "Sales and purchase contracts", List.of("合同", "订单", "发票", "contract", "invoice")),
    OTHER("其他材料", "Other materials", List.of());

    /** The longest code (for bounded schemas). */
    public static final int CODE_MAX = 32;

    public final String zh;
    public final String en;
    private final List<String> words;

    MaterialKind(String zh, String en, List<String> words) {
        this.zh = zh;
        this.en = en;
        this.words = words;
    }

    /** The kind of a code, or empty for anything that is not exactly one. */
    public static Optional<MaterialKind> ofCode(String code) {
        for (MaterialKind k : values()) {
            if (k.name().equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The kind of one item of a product's {@code materialsRequired}: its code, else the first kind (in declaration
     * order) whose words the text contains, else OTHER.
     */
    public static MaterialKind classify(String item) {
        if (item == null || item.isBlank()) {
            return OTHER;
        }
        String text = item.strip();
        Optional<MaterialKind> exact = ofCode(text);
        if (exact.isPresent()) {
            return exact.get();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (MaterialKind k : values()) {
            if (k.words.stream().anyMatch(lower::contains)) {
                return k;
            }
        }
        return OTHER;
    }
}
