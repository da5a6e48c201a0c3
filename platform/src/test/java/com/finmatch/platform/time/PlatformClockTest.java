package com.finmatch.platform.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlatformClockTest {

    @Test
    void shouldGiveChinasDateWhenUtcIsStillTheDayBefore() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T17:00:00Z"), ZoneOffset.UTC); // 01:00 on 03-02 in China
        assertEquals(LocalDate.parse("2026-03-02"), PlatformClock.today(clock));
    }

    @Test
    void shouldGiveTheSameDateAsUtcBeforeSixteenHundredUtc() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T15:59:59Z"), ZoneOffset.UTC); // 23:59:59 in China
        assertEquals(LocalDate.parse("2026-03-01"), PlatformClock.today(clock));
    }

    @Test
    void shouldCutNowToMicroseconds() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T17:00:00.123456789Z"), ZoneOffset.UTC);
        assertEquals(Instant.parse("2026-03-01T17:00:00.123456Z"), PlatformClock.now(clock));
    }
}
