package com.finmatch.loan.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Rule.Message M = new Rule.Message("区", "district");

    private static Rule rule(String operator, String value, boolean hard) throws Exception {
        return new Rule("districtCode", operator, JSON.readTree(value), hard, 0, M);
    }

    @Test
    void shouldAdmitEveryDistrictWithoutAHardDistrictRule() throws Exception {
        CatalogueFilter f = CatalogueFilter.of(List.of(rule("IN", "[\"441202\"]", false)), "districtCode");
        assertNull(f.allowed());
        assertTrue(f.admits("441284"));
    }

    @Test
    void shouldAdmitOnlyTheDistrictsAHardRuleAllows() throws Exception {
        CatalogueFilter f = CatalogueFilter.of(List.of(rule("IN", "[\"441202\", \"441203\"]", true)), "districtCode");
        assertTrue(f.admits("441203"));
        assertFalse(f.admits("441284"));
    }

    @Test
    void shouldExcludeTheDistrictsAHardRuleExcludes() throws Exception {
        CatalogueFilter f = CatalogueFilter.of(List.of(rule("NE", "\"441226\"", true)), "districtCode");
        assertFalse(f.admits("441226"));
        assertTrue(f.admits("441202"));
    }
}
