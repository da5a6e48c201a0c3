package com.finmatch.enterprise.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsccTest {

    @ParameterizedTest(name = "{0} is a valid USCC")
    @ValueSource(strings = {
            "914403001922038216", // Huawei Technologies Co., Ltd. (check character a digit)
            "91330100716105852F", // Alibaba (China) Co., Ltd.
            "91110108551385082Q", // Xiaomi
            "9144030071526726XG", // Tencent Technology (Shenzhen)
            "91440300708461136T", // Shenzhen Tencent Computer Systems
            "91350200260130346B",
            "91441203MATQ1UKWXG", // a demo enterprise of Dinghu District, Zhaoqing
            "91441284MAKTRANL2Q"})
    void shouldAcceptRealFormatCodesWithTheRightCheckCharacter(String code) {
        assertTrue(Uscc.isValid(code), Uscc.problem(code).orElse(""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "914403001922038217, wrong check character",
            "91330100716105852E, wrong check character",
            "91330100716105852, must have 18 characters",
            "91330100716105852FF, must have 18 characters",
            "91330100716105852f, not one of",
            "9133010071610585IF, not one of",
            "9133010071610585OF, not one of",
            "9133010071610585SF, not one of",
            "9133010071610585VF, not one of",
            "9133010071610585ZF, not one of",
            "9133010071610585 F, not one of",
            "913301A0716105852F, digits of an administrative division"})
    void shouldRejectEachKindOfInvalidCodeAndSayWhy(String code, String why) {
        assertFalse(Uscc.isValid(code));
        assertTrue(Uscc.problem(code).orElseThrow().contains(why), Uscc.problem(code).orElseThrow());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void shouldRejectAMissingCode(String code) {
        assertEquals("is required", Uscc.problem(code).orElseThrow());
    }

    @ParameterizedTest(name = "check character of {0} is {1}")
    @CsvSource({"91440300192203821, 6", "91330100716105852, F", "91441203MATQ1UKWX, G", "91441202MA4UX7Q0T, 0"})
    void shouldComputeTheCheckCharacterWithRemainder0MappedTo0(String body, char expected) {
        assertEquals(expected, Uscc.checkCharacter(body));
    }
}
