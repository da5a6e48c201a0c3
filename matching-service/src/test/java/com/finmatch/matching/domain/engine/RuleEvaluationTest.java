package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.EnterpriseProfile;
import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.domain.Message;
import com.finmatch.matching.domain.Operator;
import com.finmatch.matching.domain.Rule;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operator on every kind of field, evaluated against one enterprise and its need. */
class RuleEvaluationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private MatchingEngine engine;

    @BeforeEach
    void setUp() {
        engine = new MatchingEngine(5, TODAY, 1);
        engine.upsertEnterprise(new EnterpriseProfile("e1", "owner", "91441200MA4UXXXX1X", "肇庆精密五金有限公司",
                "张三", LocalDate.of(2015, 6, 1), new BigDecimal("10000000"), "441202", "C3670", "SMART_HARDWARE",
                "SMALL", List.of("SRDI_PROVINCIAL", "HIGH_TECH"), 120, new BigDecimal("5000000"), new BigDecimal("12.5"),
                null, new BigDecimal("30000000"), new BigDecimal("12000000"), new BigDecimal("300000"),
                new BigDecimal("4.2"), 18, "AA", "CONSIDERING", "BSE", 1));
        engine.upsertNeed(new FinancingNeed("n1", "e1", new BigDecimal("2000000"), 24, "EQUIPMENT",
                List.of("CREDIT", "MORTGAGE"), new BigDecimal("4.50"), LocalDate.of(2026, 9, 30), null));
    }

    private boolean eval(String field, Operator op, Object value) {
        return engine.evaluate(new Rule(field, op, value, true, 0, null), "n1");
    }

    @Test
    void shouldCompareNumbersWithEveryOperator() {
        assertTrue(eval("annualRevenue", Operator.EQ, 5_000_000));
        assertFalse(eval("annualRevenue", Operator.EQ, 5_000_001));
        assertTrue(eval("annualRevenue", Operator.NE, 1));
        assertFalse(eval("annualRevenue", Operator.NE, 5_000_000));
        assertTrue(eval("annualRevenue", Operator.GT, 4_999_999.99));
        assertFalse(eval("annualRevenue", Operator.GT, 5_000_000));
        assertTrue(eval("annualRevenue", Operator.GE, 5_000_000));
        assertFalse(eval("annualRevenue", Operator.GE, 5_000_000.01));
        assertTrue(eval("annualRevenue", Operator.LT, 5_000_000.01));
        assertFalse(eval("annualRevenue", Operator.LT, 5_000_000));
        assertTrue(eval("annualRevenue", Operator.LE, 5_000_000));
        assertFalse(eval("annualRevenue", Operator.LE, 4_000_000));
        assertTrue(eval("annualRevenue", Operator.IN, List.of(1, 5_000_000)));
        assertFalse(eval("annualRevenue", Operator.IN, List.of(1, 2)));
        assertTrue(eval("annualRevenue", Operator.NOT_IN, List.of(1, 2)));
        assertFalse(eval("annualRevenue", Operator.NOT_IN, List.of(5_000_000)));
        assertTrue(eval("annualRevenue", Operator.BETWEEN, List.of(5_000_000, 6_000_000)));
        assertTrue(eval("annualRevenue", Operator.BETWEEN, List.of(1_000_000, 5_000_000)));
        assertFalse(eval("annualRevenue", Operator.BETWEEN, List.of(6_000_000, 7_000_000)));
        assertTrue(eval("employees", Operator.GE, "100"), "a number written as text is still a number");
        assertTrue(eval("rdRatio", Operator.GT, 4));
        assertTrue(eval("patents", Operator.GE, 10));
        assertTrue(eval("revenueGrowth", Operator.GE, 10));
    }

    @Test
    void shouldNeverPassARuleOnAMissingValue() {
        assertFalse(eval("netProfit", Operator.GE, 0));
        assertFalse(eval("netProfit", Operator.LT, 0));
        assertFalse(eval("netProfit", Operator.NE, 1));
        assertFalse(eval("netProfit", Operator.NOT_IN, List.of(1)));
    }

    @Test
    void shouldCompareYearsInBusinessFromTheFoundingDate() {
        assertTrue(eval("yearsInBusiness", Operator.GE, 10));
        assertTrue(eval("yearsInBusiness", Operator.EQ, 11));
        assertFalse(eval("yearsInBusiness", Operator.GT, 11));
    }

    @Test
    void shouldCompareDatesOnTheCalendar() {
        assertTrue(eval("foundedOn", Operator.LT, "2016-01-01"));
        assertTrue(eval("foundedOn", Operator.EQ, "2015-06-01"));
        assertFalse(eval("foundedOn", Operator.GT, "2015-06-01"));
        assertTrue(eval("foundedOn", Operator.BETWEEN, List.of("2015-01-01", "2015-12-31")));
        assertTrue(eval("neededBy", Operator.LE, "2026-12-31"));
        assertTrue(eval("neededBy", Operator.IN, List.of("2026-09-30")));
        assertFalse(eval("foundedOn", Operator.LT, "not a date"), "an unreadable date never passes");
        assertFalse(engine.understands(new Rule("foundedOn", Operator.LT, "not a date", true, 0, null)));
    }

    @Test
    void shouldCompareOrdinalFieldsAlongTheirScale() {
        assertTrue(eval("sizeClass", Operator.LE, "MEDIUM"));
        assertFalse(eval("sizeClass", Operator.GE, "MEDIUM"));
        assertTrue(eval("sizeClass", Operator.IN, List.of("MICRO", "SMALL")));
        assertTrue(eval("sizeClass", Operator.NOT_IN, List.of("LARGE")));
        assertTrue(eval("sizeClass", Operator.EQ, "small"));
        assertTrue(eval("creditRating", Operator.GE, "A"));
        assertFalse(eval("creditRating", Operator.GE, "AAA"));
        assertTrue(eval("creditRating", Operator.BETWEEN, List.of("A", "AA+")));
        assertTrue(eval("listingIntention", Operator.NE, "NONE"));
        assertFalse(engine.understands(new Rule("creditRating", Operator.GE, "EXCELLENT", true, 0, null)));
    }

    @Test
    void shouldMatchBooleansWithEqualityOnly() {
        assertTrue(eval("hasProject", Operator.EQ, false));
        assertFalse(eval("hasProject", Operator.EQ, true));
        assertTrue(eval("hasProject", Operator.NE, true));
        assertTrue(eval("hasProject", Operator.EQ, "false"));
        assertFalse(engine.understands(new Rule("hasProject", Operator.GT, true, true, 0, null)));
    }

    @Test
    void shouldMatchCodesExactlyOrAsSubstring() {
        assertTrue(eval("districtCode", Operator.EQ, "441202"));
        assertFalse(eval("districtCode", Operator.EQ, "441203"));
        assertTrue(eval("districtCode", Operator.NE, "441203"));
        assertTrue(eval("districtCode", Operator.IN, List.of("441203", "441202")));
        assertFalse(eval("districtCode", Operator.NOT_IN, List.of("441202")));
        assertTrue(eval("districtCode", Operator.CONTAINS, "4412"));
        assertTrue(eval("name", Operator.CONTAINS, "五金"));
        assertTrue(eval("purpose", Operator.IN, List.of("EQUIPMENT", "TECH_UPGRADE")));
        assertTrue(eval("targetBoard", Operator.EQ, "BSE"));
        assertFalse(engine.understands(new Rule("districtCode", Operator.GT, "441202", true, 0, null)));
        assertFalse(engine.understands(new Rule("districtCode", Operator.BETWEEN, List.of("1", "2"), true, 0, null)));
    }

    @Test
    void shouldMatchIndustryCodesWithEverythingBelowThem() {
        assertTrue(eval("industryCode", Operator.IN, List.of("C36")));
        assertTrue(eval("industryCode", Operator.EQ, "C3670"));
        assertFalse(eval("industryCode", Operator.EQ, "C37"));
        assertFalse(eval("industryCode", Operator.NOT_IN, List.of("C")));
        assertTrue(eval("industryCode", Operator.NOT_IN, List.of("B", "D")));
    }

    @Test
    void shouldMatchSetsByContainmentAndOverlap() {
        assertTrue(eval("tags", Operator.CONTAINS, "HIGH_TECH"));
        assertTrue(eval("tags", Operator.CONTAINS, List.of("HIGH_TECH", "SRDI_PROVINCIAL")));
        assertFalse(eval("tags", Operator.CONTAINS, List.of("HIGH_TECH", "TECH_SME")));
        assertTrue(eval("tags", Operator.IN, List.of("TECH_SME", "HIGH_TECH")));
        assertFalse(eval("tags", Operator.IN, List.of("TECH_SME")));
        assertTrue(eval("tags", Operator.NOT_IN, List.of("SRDI_LITTLE_GIANT")));
        assertFalse(eval("tags", Operator.NOT_IN, List.of("HIGH_TECH")));
        assertTrue(eval("tags", Operator.EQ, List.of("HIGH_TECH", "SRDI_PROVINCIAL")));
        assertTrue(eval("tags", Operator.NE, List.of("HIGH_TECH")));
        assertTrue(eval("guaranteeTypes", Operator.CONTAINS, "CREDIT"));
        assertFalse(eval("guaranteeTypes", Operator.IN, List.of("IP_PLEDGE")));
        assertFalse(engine.understands(new Rule("tags", Operator.GE, "HIGH_TECH", true, 0, null)));
    }

    @Test
    void shouldCompareNeedFields() {
        assertTrue(eval("amount", Operator.BETWEEN, List.of(1_000_000, 3_000_000)));
        assertTrue(eval("termMonths", Operator.LE, 36));
        assertFalse(eval("termMonths", Operator.GT, 24));
        assertTrue(eval("maxAnnualRate", Operator.GE, 4.5));
    }

    @Test
    void shouldNeverPassARuleItCannotUnderstand() {
        assertFalse(eval("favouriteColour", Operator.EQ, "red"));
        assertFalse(engine.understands(new Rule("favouriteColour", Operator.EQ, "red", true, 0, null)));
        assertFalse(eval("annualRevenue", Operator.CONTAINS, 5));
        assertFalse(eval("annualRevenue", Operator.GE, "lots"));
        assertFalse(eval("annualRevenue", Operator.BETWEEN, List.of(1)));
        assertFalse(eval("annualRevenue", Operator.GE, null));
        assertFalse(eval("annualRevenue", null, 1));
    }

    @Test
    void shouldGenerateAMessageForARuleWithoutOne() {
        Message m = new Rule("annualRevenue", Operator.GE, 1000, true, 0, null).messageOrDefault();
        assertEquals("annualRevenue ≥ 1000", m.en());
        assertEquals("annualRevenue ≥ 1000", m.zh());
        Message half = new Rule("x", Operator.EQ, 1, true, 0, new Message(null, "only English")).messageOrDefault();
        assertEquals("only English", half.zh());
    }
}
