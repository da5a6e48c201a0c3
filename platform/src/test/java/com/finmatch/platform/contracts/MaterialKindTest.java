package com.finmatch.platform.contracts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaterialKindTest {

    @Test
    void aCodeIsItsOwnKind() {
        assertEquals(MaterialKind.TAX_CERTIFICATE, MaterialKind.classify("TAX_CERTIFICATE"));
        assertEquals(MaterialKind.OTHER, MaterialKind.classify("OTHER"));
    }

    @Test
    void freeTextWrittenBeforeTheCodesIsReadAsTheKindItsWordsName() {
        assertEquals(MaterialKind.BUSINESS_LICENSE, MaterialKind.classify("营业执照"));
        assertEquals(MaterialKind.FINANCIAL_STATEMENT, MaterialKind.classify("近两年财务报表"));
        assertEquals(MaterialKind.TAX_CERTIFICATE, MaterialKind.classify(" 近一年完税证明 "));
        assertEquals(MaterialKind.BANK_STATEMENT, MaterialKind.classify("近6个月银行流水"));
        assertEquals(MaterialKind.IP_CERTIFICATE, MaterialKind.classify("专利证书"));
        assertEquals(MaterialKind.FINANCIAL_STATEMENT, MaterialKind.classify("Audited financial statements"));
    }

    @Test
    void textThatNamesNoKnownKindIsOther() {
        assertEquals(MaterialKind.OTHER, MaterialKind.classify("环评批复"));
        assertEquals(MaterialKind.OTHER, MaterialKind.classify(""));
        assertEquals(MaterialKind.OTHER, MaterialKind.classify(null));
    }

    @Test
    void everyKindHasBothLabelsAndACodeWithinTheBound() {
        for (MaterialKind k : MaterialKind.values()) {
            assertTrue(!k.zh.isBlank() && !k.en.isBlank(), k.name());
            assertTrue(k.name().length() <= MaterialKind.CODE_MAX, k.name());
        }
    }
}
