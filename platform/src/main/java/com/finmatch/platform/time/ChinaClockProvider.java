package com.finmatch.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ClockProvider;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Bean Validation's clock: {@code @Past}, {@code @FutureOrPresent} and the like compare with the platform clock in
 * China's zone, so a request's dates are checked against the same "today" as the services' own checks (Quarkus hands
 * a {@link ClockProvider} bean to its ValidatorFactory).
 */
@ApplicationScoped
public class ChinaClockProvider implements ClockProvider {

    @Inject
    Clock clock;

    /**
     * Hibernate Validator asks once, when it initializes a constraint, and keeps the clock; so this clock reads the
     * instant from the (replaceable) platform clock on every call instead of being a copy of it.
     */
    @Override
    public Clock getClock() {
        return new Zoned(clock, PlatformClock.CHINA);
    }

    /** The instants of another clock, seen in a zone. */
    private static final class Zoned extends Clock {

        private final Clock source;
        private final ZoneId zone;

        Zoned(Clock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Zoned(source, other);
        }

        @Override
        public Instant instant() {
            return source.instant();
        }
    }
}
