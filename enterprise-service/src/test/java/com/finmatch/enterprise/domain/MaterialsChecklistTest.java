package com.finmatch.enterprise.domain;

import com.finmatch.platform.contracts.MaterialKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaterialsChecklistTest {

    private static Document doc(MaterialKind kind, String uploadedAt) {
        Document d = new Document();
        d.kind = kind;
        d.uploadedAt = Instant.parse(uploadedAt);
        return d;
    }

    @Test
    void eachItemIsProvidedByADocumentOfItsKindWhetherWrittenAsCodeOrFreeText() {
        List<MaterialsChecklist.Item> items = MaterialsChecklist.of(List.of("BUSINESS_LICENSE", "近两年财务报表", "纳税证明"),
                List.of(doc(MaterialKind.BUSINESS_LICENSE, "2026-01-01T00:00:00Z"),
                        doc(MaterialKind.FINANCIAL_STATEMENT, "2026-01-02T00:00:00Z"),
                        doc(MaterialKind.FINANCIAL_STATEMENT, "2026-01-03T00:00:00Z")), null);
        assertEquals(List.of(new MaterialsChecklist.Item(MaterialKind.BUSINESS_LICENSE, null, true, 1),
                new MaterialsChecklist.Item(MaterialKind.FINANCIAL_STATEMENT, "近两年财务报表", true, 2),
                new MaterialsChecklist.Item(MaterialKind.TAX_CERTIFICATE, "纳税证明", false, 0)), items);
        assertEquals(List.of(MaterialKind.TAX_CERTIFICATE), MaterialsChecklist.missing(items));
    }

    @Test
    void forABuJianRequestOnlyADocumentUploadedSinceTheRequestCounts() {
        Instant asked = Instant.parse("2026-06-01T00:00:00Z");
        List<MaterialsChecklist.Item> items = MaterialsChecklist.of(List.of("BANK_STATEMENT", "TAX_CERTIFICATE"),
                List.of(doc(MaterialKind.BANK_STATEMENT, "2026-05-31T23:59:59Z"),
                        doc(MaterialKind.TAX_CERTIFICATE, "2026-06-01T00:00:00Z")), asked);
        assertEquals(List.of(MaterialKind.BANK_STATEMENT), MaterialsChecklist.missing(items));
    }

    @Test
    void nothingAskedIsComplete() {
        assertEquals(List.of(), MaterialsChecklist.missing(MaterialsChecklist.of(List.of(), List.of(), null)));
    }
}
