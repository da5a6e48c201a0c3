package com.finmatch.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one source of "now" and "today" in every finmatch service: the {@link Clock} bean produced here (the system's
 * UTC clock) and China's date at its instant (UTC+8, the platform's calendar: a need's date, a product's validity, a
 * working day). Services inject {@code Clock} and never call {@code Instant.now()} or {@code LocalDate.now()}, so the
 * whole platform agrees on the day and a test can move time: the clock is normal-scoped, so
 * {@code QuarkusMock.installMockForType(Clock.fixed(...), Clock.class)} replaces it for every bean at once.
 */
@Singleton
public class PlatformClock {

    /** China Standard Time: the zone of every "today" on the platform. */
    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** China's date at the clock's instant. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    /** The clock's instant at the precision PostgreSQL stores (microseconds): what is returned is what is stored. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
