package com.finmatch.enterprise.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The current instant at the precision PostgreSQL stores, so that what we return is what we store. */
final class Times {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Times() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Today in China, the day products' validFrom and validTo are dates of. */
    static LocalDate today() {
        return LocalDate.now(CHINA);
    }
}
