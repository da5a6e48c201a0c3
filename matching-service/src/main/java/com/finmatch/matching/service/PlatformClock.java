package com.finmatch.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one source of "today" in this service: China's date (UTC+8, the platform's calendar) read from the
 * {@link Clock} bean produced here. The clock is normal-scoped, so a test can replace it with
 * {@code QuarkusMock.installMockForType(clock, Clock.class)}.
 */
@Singleton
public class PlatformClock {

    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    /** China's date at the clock's instant. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }
}
