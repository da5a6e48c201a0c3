package com.finmatch.loan.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Rule.Message MESSAGE = new Rule.Message("成立满2年", "In business for 2 years");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Rule hard(String field, String operator, String value) {
        return new Rule(field, operator, json(value), true, 0, MESSAGE);
    }

    /** The violations of a single rule, as "path: message" lines. */
    private static List<String> problems(Rule rule) {
        return RuleValidator.validate(List.of(rule), "rules").stream().map(v -> v.field() + ": " + v.message())
                .toList();
    }

    private static void assertOneProblemAt(String path, Rule rule) {
        List<String> problems = problems(rule);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(path + ": "), problems.toString());
    }

    @Test
    void shouldAcceptRulesOfEveryFieldType() {
        List<Rule> rules = List.of(
                hard("yearsInBusiness", "GE", "2"),
                hard("annualRevenue", "BETWEEN", "[1000000, 50000000]"),
                hard("employees", "IN", "[10, 20]"),
                hard("districtCode", "IN", "[\"441202\", \"441203\"]"),
                hard("industryCode", "NOT_IN", "[\"B06\"]"),
                hard("sizeClass", "EQ", "\"SMALL\""),
                hard("tags", "CONTAINS", "\"SRDI_PROVINCIAL\""),
                hard("guaranteeTypes", "IN", "[\"CREDIT\", \"IP_PLEDGE\"]"),
                new Rule("taxPaid", "GE", json("500000.5"), false, 40, MESSAGE));
        assertEquals(List.of(), RuleValidator.validate(rules, "rules"));
    }

    @Test
    void shouldRejectAnUnknownField() {
        assertOneProblemAt("rules[0].field", hard("favouriteColour", "EQ", "\"red\""));
    }

    @Test
    void shouldRejectABlankField() {
        assertOneProblemAt("rules[0].field", hard(" ", "EQ", "\"red\""));
    }

    @Test
    void shouldRejectAnUnknownOperator() {
        assertOneProblemAt("rules[0].operator", hard("annualRevenue", "ATLEAST", "5"));
    }

    @Test
    void shouldRejectAnOperatorThatDoesNotFitACodeField() {
        assertOneProblemAt("rules[0].operator", hard("districtCode", "GT", "\"441202\""));
    }

    @Test
    void shouldRejectAnOperatorThatDoesNotFitANumberField() {
        assertOneProblemAt("rules[0].operator", hard("annualRevenue", "CONTAINS", "5"));
    }

    @Test
    void shouldRejectAnOperatorThatDoesNotFitASetField() {
        assertOneProblemAt("rules[0].operator", hard("tags", "EQ", "\"HIGH_TECH\""));
    }

    @Test
    void shouldRejectAMissingValue() {
        assertOneProblemAt("rules[0].value", new Rule("patents", "GE", null, true, 0, MESSAGE));
    }

    @Test
    void shouldRejectANumberThatDoesNotParse() {
        assertOneProblemAt("rules[0].value", hard("annualRevenue", "GE", "\"lots\""));
    }

    @Test
    void shouldRejectInWithoutAList() {
        assertOneProblemAt("rules[0].value", hard("districtCode", "IN", "\"441202\""));
        assertOneProblemAt("rules[0].value", hard("districtCode", "IN", "[]"));
    }

    @Test
    void shouldRejectAListElementOfTheWrongType() {
        assertOneProblemAt("rules[0].value[1]", hard("employees", "IN", "[10, \"many\"]"));
    }

    @Test
    void shouldRejectBetweenWithoutLowAndHigh() {
        assertOneProblemAt("rules[0].value", hard("annualRevenue", "BETWEEN", "[1]"));
        assertOneProblemAt("rules[0].value", hard("annualRevenue", "BETWEEN", "[9, 1]"));
        assertOneProblemAt("rules[0].value[0]", hard("annualRevenue", "BETWEEN", "[\"a\", 1]"));
    }

    @Test
    void shouldRejectACodeTheFieldDoesNotKnow() {
        assertOneProblemAt("rules[0].value", hard("sizeClass", "EQ", "\"HUGE\""));
        assertOneProblemAt("rules[0].value", hard("tags", "CONTAINS", "\"FAMOUS\""));
        assertOneProblemAt("rules[0].value[0]", hard("purpose", "IN", "[\"HOLIDAY\"]"));
    }

    @Test
    void shouldRejectContainsWithAList() {
        assertOneProblemAt("rules[0].value", hard("tags", "CONTAINS", "[\"HIGH_TECH\"]"));
    }

    @Test
    void shouldRejectARuleWithoutHard() {
        assertOneProblemAt("rules[0].hard", new Rule("patents", "GE", json("1"), null, 0, MESSAGE));
    }

    @Test
    void shouldRejectASoftRuleWithoutOrWithAnOutOfRangeWeight() {
        assertOneProblemAt("rules[0].weight", new Rule("patents", "GE", json("1"), false, null, MESSAGE));
        assertOneProblemAt("rules[0].weight", new Rule("patents", "GE", json("1"), false, 101, MESSAGE));
        assertOneProblemAt("rules[0].weight", new Rule("patents", "GE", json("1"), false, -1, MESSAGE));
    }

    @Test
    void shouldRejectAMissingOrHalfTranslatedMessage() {
        assertOneProblemAt("rules[0].message", new Rule("patents", "GE", json("1"), true, 0, null));
        assertOneProblemAt("rules[0].message.en",
                new Rule("patents", "GE", json("1"), true, 0, new Rule.Message("至少1项专利", " ")));
        assertOneProblemAt("rules[0].message.zh",
                new Rule("patents", "GE", json("1"), true, 0, new Rule.Message(null, "At least 1 patent")));
    }

    @Test
    void shouldNameTheBadRuleByItsPosition() {
        List<Rule> rules = new ArrayList<>(List.of(hard("patents", "GE", "1"), hard("patents", "GE", "1"),
                hard("nope", "GE", "1")));
        assertEquals("rules[2].field", RuleValidator.validate(rules, "rules").get(0).field());
    }

    @Test
    void shouldRejectTooManyRules() {
        List<Rule> rules = Collections.nCopies(RuleValidator.MAX_RULES + 1, hard("patents", "GE", "1"));
        assertEquals("rules", RuleValidator.validate(rules, "rules").get(0).field());
    }
}
