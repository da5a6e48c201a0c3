package com.finmatch.loan.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entry criteria of training offers against enterprise profiles, with matching-service's semantics. */
class EntryCriteriaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static Rule hard(String field, String operator, String valueJson) {
        return new Rule(field, operator, json(valueJson), true, 0, new Rule.Message(field + "-zh", field + "-en"));
    }

    private static boolean passes(String field, String operator, String valueJson, String profileJson) {
        return EntryCriteria.passes(hard(field, operator, valueJson), json(profileJson), TODAY);
    }

    @Test
    void shouldCompareNumbersWithEveryNumericOperator() {
        String p = "{\"annualRevenue\": 52000000}";
        assertTrue(passes("annualRevenue", "GE", "52000000", p));
        assertTrue(passes("annualRevenue", "GE", "50000000", p));
        assertFalse(passes("annualRevenue", "GE", "52000000.01", p));
        assertFalse(passes("annualRevenue", "GT", "52000000", p));
        assertTrue(passes("annualRevenue", "GT", "51999999.99", p));
        assertTrue(passes("annualRevenue", "LE", "52000000", p));
        assertFalse(passes("annualRevenue", "LT", "52000000", p));
        assertTrue(passes("annualRevenue", "LT", "60000000", p));
        assertTrue(passes("annualRevenue", "EQ", "52000000", p));
        assertFalse(passes("annualRevenue", "EQ", "52000001", p));
        assertFalse(passes("annualRevenue", "NE", "52000000", p));
        assertTrue(passes("annualRevenue", "NE", "1", p));
        assertTrue(passes("annualRevenue", "BETWEEN", "[52000000, 60000000]", p), "low bound is inclusive");
        assertTrue(passes("annualRevenue", "BETWEEN", "[10000000, 52000000]", p), "high bound is inclusive");
        assertFalse(passes("annualRevenue", "BETWEEN", "[10000000, 51999999]", p));
        assertTrue(passes("annualRevenue", "IN", "[1, 52000000]", p));
        assertFalse(passes("annualRevenue", "IN", "[1, 2]", p));
        assertTrue(passes("annualRevenue", "NOT_IN", "[1, 2]", p));
        assertFalse(passes("annualRevenue", "NOT_IN", "[52000000]", p));
        assertTrue(passes("netProfit", "LT", "0", "{\"netProfit\": -1.5}"), "negative profits compare as numbers");
        assertTrue(passes("revenueGrowth", "GE", "15", "{\"revenueGrowth\": 15.0}"));
        assertTrue(passes("annualRevenue", "GE", "[50000000]", p), "a one-element list is the value");
    }

    @Test
    void shouldNeverPassAMissingNumberNotEvenNeOrNotIn() {
        for (String p : List.of("{}", "{\"annualRevenue\": null}", "{\"annualRevenue\": \"a lot\"}")) {
            assertFalse(passes("annualRevenue", "GE", "0", p), p);
            assertFalse(passes("annualRevenue", "LE", "0", p), p);
            assertFalse(passes("annualRevenue", "NE", "1", p), p);
            assertFalse(passes("annualRevenue", "NOT_IN", "[1]", p), p);
            assertFalse(passes("annualRevenue", "BETWEEN", "[-1e18, 1e18]", p), p);
        }
    }

    @Test
    void shouldCountWholeYearsInBusinessUpToToday() {
        assertTrue(passes("yearsInBusiness", "GE", "3", "{\"foundedOn\": \"2023-06-15\"}"), "3 years on the day");
        assertFalse(passes("yearsInBusiness", "GE", "3", "{\"foundedOn\": \"2023-06-16\"}"), "a day short of 3");
        assertTrue(passes("yearsInBusiness", "EQ", "2", "{\"foundedOn\": \"2023-06-16\"}"));
        assertTrue(passes("yearsInBusiness", "EQ", "0", "{\"foundedOn\": \"2026-06-15\"}"), "founded today");
        assertFalse(passes("yearsInBusiness", "LE", "100", "{\"foundedOn\": \"2026-06-16\"}"), "founded tomorrow");
        assertFalse(passes("yearsInBusiness", "LE", "100", "{}"));
        assertFalse(passes("yearsInBusiness", "LE", "100", "{\"foundedOn\": \"15/06/2020\"}"));
    }

    @Test
    void shouldRankSizeClassCreditRatingAndListingIntentionOnTheirScales() {
        assertTrue(passes("sizeClass", "GE", "\"SMALL\"", "{\"sizeClass\": \"MEDIUM\"}"));
        assertTrue(passes("sizeClass", "GE", "\"SMALL\"", "{\"sizeClass\": \"SMALL\"}"));
        assertFalse(passes("sizeClass", "GE", "\"SMALL\"", "{\"sizeClass\": \"MICRO\"}"));
        assertTrue(passes("sizeClass", "IN", "[\"MICRO\", \"SMALL\"]", "{\"sizeClass\": \"SMALL\"}"));
        assertFalse(passes("sizeClass", "NOT_IN", "[\"MICRO\", \"SMALL\"]", "{\"sizeClass\": \"SMALL\"}"));
        assertTrue(passes("listingIntention", "IN", "[\"CONSIDERING\", \"PREPARING\"]",
                "{\"listingIntention\": \"PREPARING\"}"));
        assertFalse(passes("listingIntention", "IN", "[\"CONSIDERING\", \"PREPARING\"]",
                "{\"listingIntention\": \"NONE\"}"));
        assertTrue(passes("listingIntention", "GT", "\"NONE\"", "{\"listingIntention\": \"CONSIDERING\"}"));
        assertTrue(passes("listingIntention", "NE", "\"NONE\"", "{\"listingIntention\": \"PREPARING\"}"));
        assertTrue(passes("creditRating", "GE", "\"A\"", "{\"creditRating\": \"AA\"}"));
        assertTrue(passes("creditRating", "GE", "\"A\"", "{\"creditRating\": \"A\"}"));
        assertFalse(passes("creditRating", "GE", "\"A\"", "{\"creditRating\": \"BBB\"}"));
        assertTrue(passes("creditRating", "EQ", "\"AAA\"", "{\"creditRating\": \" aaa \"}"), "trimmed, any case");
        assertTrue(passes("creditRating", "BETWEEN", "[\"BBB\", \"AA\"]", "{\"creditRating\": \"A\"}"));
    }

    @Test
    void shouldNeverPassAnOrdinalOffItsScale() {
        assertFalse(passes("sizeClass", "NE", "\"LARGE\"", "{}"), "missing");
        assertFalse(passes("sizeClass", "NE", "\"LARGE\"", "{\"sizeClass\": \"HUGE\"}"), "profile value off the scale");
        assertFalse(passes("creditRating", "NOT_IN", "[\"EXCELLENT\"]", "{\"creditRating\": \"AAA\"}"),
                "a rule value off the scale makes the rule invalid");
    }

    @Test
    void shouldMatchCodesExactlyAndIndustryCodesByPrefix() {
        String p = "{\"districtCode\": \"441202\", \"industryCode\": \"C3670\", \"clusterCode\": \"NEV_PARTS\","
                + " \"targetBoard\": \"CHINEXT\"}";
        assertTrue(passes("districtCode", "EQ", "\"441202\"", p));
        assertFalse(passes("districtCode", "EQ", "\"4412\"", p), "an ordinary code is not a prefix");
        assertTrue(passes("districtCode", "IN", "[\"441203\", \"441202\"]", p));
        assertFalse(passes("districtCode", "NOT_IN", "[\"441203\", \"441202\"]", p));
        assertTrue(passes("districtCode", "NE", "\"441203\"", p));
        assertTrue(passes("industryCode", "EQ", "\"C36\"", p), "C3670 is below C36");
        assertTrue(passes("industryCode", "IN", "[\"C35\", \"C3\"]", p));
        assertFalse(passes("industryCode", "EQ", "\"C37\"", p));
        assertFalse(passes("industryCode", "NOT_IN", "[\"C36\"]", p), "excluding C36 excludes C3670");
        assertTrue(passes("industryCode", "NE", "\"C37\"", p));
        assertTrue(passes("clusterCode", "CONTAINS", "\"NEV\"", p), "CONTAINS is a substring on codes");
        assertTrue(passes("targetBoard", "IN", "[\"CHINEXT\", \"STAR\"]", p));
        assertFalse(passes("targetBoard", "EQ", "\"MAIN\"", p));
        assertFalse(passes("targetBoard", "NE", "\"MAIN\"", "{\"targetBoard\": null}"), "a missing code never passes");
        assertFalse(passes("districtCode", "NOT_IN", "[\"441203\"]", "{}"));
    }

    @Test
    void shouldTestTagsAsASet() {
        String p = "{\"tags\": [\"HIGH_TECH\", \"TECH_SME\"]}";
        assertTrue(passes("tags", "CONTAINS", "\"HIGH_TECH\"", p));
        assertTrue(passes("tags", "CONTAINS", "[\"HIGH_TECH\", \"TECH_SME\"]", p));
        assertFalse(passes("tags", "CONTAINS", "[\"HIGH_TECH\", \"SRDI_LITTLE_GIANT\"]", p), "CONTAINS needs all");
        assertTrue(passes("tags", "IN", "[\"SRDI_LITTLE_GIANT\", \"TECH_SME\"]", p), "IN needs any");
        assertFalse(passes("tags", "IN", "[\"SRDI_LITTLE_GIANT\", \"SRDI_PROVINCIAL\"]", p));
        assertTrue(passes("tags", "NOT_IN", "[\"SRDI_LITTLE_GIANT\"]", p));
        assertFalse(passes("tags", "NOT_IN", "[\"SRDI_LITTLE_GIANT\", \"TECH_SME\"]", p), "NOT_IN needs none");
        assertTrue(passes("tags", "EQ", "[\"TECH_SME\", \"HIGH_TECH\"]", p), "EQ is the same set, any order");
        assertFalse(passes("tags", "EQ", "[\"HIGH_TECH\"]", p));
        assertTrue(passes("tags", "NE", "[\"HIGH_TECH\"]", p));
    }

    @Test
    void shouldTreatNoTagsAsTheEmptySetLikeTheMatchingEngine() {
        for (String p : List.of("{}", "{\"tags\": null}", "{\"tags\": []}")) {
            assertFalse(passes("tags", "CONTAINS", "\"HIGH_TECH\"", p), p);
            assertFalse(passes("tags", "IN", "[\"HIGH_TECH\"]", p), p);
            assertTrue(passes("tags", "NOT_IN", "[\"HIGH_TECH\"]", p), p);
        }
    }

    @Test
    void shouldNeverPassARuleOnAFinancingNeedField() {
        String p = "{\"amount\": 1000000, \"purpose\": \"RND\", \"guaranteeTypes\": [\"CREDIT\"]}";
        assertFalse(passes("amount", "GE", "0", p));
        assertFalse(passes("purpose", "EQ", "\"RND\"", p));
        assertFalse(passes("guaranteeTypes", "NOT_IN", "[\"MORTGAGE\"]", p));
    }

    @Test
    void shouldNeverPassARuleThatCannotBeUnderstood() {
        String p = "{\"annualRevenue\": 52000000, \"tags\": [\"HIGH_TECH\"], \"districtCode\": \"441202\","
                + " \"uscc\": \"91441200MA4UXXXX1X\"}";
        assertFalse(passes("uscc", "NE", "\"x\"", p), "not a field a rule may test here");
        assertFalse(passes("turnover", "GE", "0", p), "unknown field");
        assertFalse(passes("annualRevenue", "ATLEAST", "0", p), "unknown operator");
        assertFalse(passes("annualRevenue", "ge", "0", p), "operators are upper case");
        assertFalse(passes("annualRevenue", "CONTAINS", "5", p), "CONTAINS on a number");
        assertFalse(passes("annualRevenue", "GE", "\"much\"", p), "not a number");
        assertFalse(passes("annualRevenue", "GE", "null", p), "no value");
        assertFalse(passes("annualRevenue", "GE", "[1, 2]", p), "two values for one");
        assertFalse(passes("annualRevenue", "BETWEEN", "[1]", p), "BETWEEN needs two bounds");
        assertFalse(passes("annualRevenue", "NOT_IN", "[1, \"x\"]", p), "one bad value spoils the list");
        assertFalse(passes("tags", "GT", "\"HIGH_TECH\"", p), "GT on a set");
        assertFalse(passes("districtCode", "GE", "\"441202\"", p), "GE on a code");
        assertFalse(passes("districtCode", "NOT_IN", "[[\"441203\"]]", p), "nested lists are not codes");
    }

    @Test
    void shouldReportOnlyTheFailedHardRulesInRuleOrder() {
        Rule revenue = hard("annualRevenue", "GE", "100000000");
        Rule intention = hard("listingIntention", "IN", "[\"CONSIDERING\", \"PREPARING\"]");
        Rule tags = hard("tags", "CONTAINS", "\"SRDI_LITTLE_GIANT\"");
        Rule softBoard = new Rule("targetBoard", "EQ", json("\"STAR\""), false, 40, new Rule.Message("科创板", "STAR"));
        JsonNode profile = json("{\"annualRevenue\": 52000000, \"listingIntention\": \"PREPARING\","
                + " \"tags\": [\"HIGH_TECH\"], \"targetBoard\": \"MAIN\"}");
        assertEquals(List.of(revenue, tags),
                EntryCriteria.failedHardRules(List.of(revenue, softBoard, intention, tags), profile, TODAY));
        assertEquals(List.of(), EntryCriteria.failedHardRules(List.of(intention, softBoard), profile, TODAY),
                "a failed soft rule is a preference, not a criterion");
        assertEquals(List.of(), EntryCriteria.failedHardRules(List.of(), profile, TODAY), "no criteria: anyone");
        assertEquals(List.of(intention), EntryCriteria.failedHardRules(List.of(intention), null, TODAY));
    }
}
