package com.finmatch.platform.http;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The bounds every input meets before any code (or PostgreSQL) sees it, whatever its field's own limits: text without
 * control characters, numbers a database column can hold, dates of years 1–9999. One place, used by the JSON reader
 * ({@link StrictJson}), the query-parameter check ({@link QueryParameterCheck}) and the date parameters
 * ({@link #instant}); the fields' business bounds stay Bean Validation annotations on the DTOs.
 */
public final class InputBounds {

    /** Digits before the decimal point a number may have (beyond any money, count or rate this platform keeps). */
    public static final int MAX_INTEGER_DIGITS = 30;
    /** Digits after the decimal point a number may have. */
    public static final int MAX_FRACTION_DIGITS = 20;
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    public static final String CONTROL_CHARACTERS =
            "must not contain control characters (U+0000–U+001F other than tab, line feed and carriage return, U+007F)";
    public static final String NUMBER_RANGE = "must be a number of at most " + MAX_INTEGER_DIGITS
            + " digits before and " + MAX_FRACTION_DIGITS + " after the decimal point";
    public static final String YEAR_RANGE = "must be a date of the years " + MIN_YEAR + " to " + MAX_YEAR;

    private static final java.time.Instant FIRST = LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final java.time.Instant AFTER_LAST =
            LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private InputBounds() {
    }

    /** Whether {@code message} is one of the messages above (the problem then names it as is). */
    public static boolean isBoundMessage(String message) {
        return CONTROL_CHARACTERS.equals(message) || NUMBER_RANGE.equals(message) || YEAR_RANGE.equals(message);
    }

    /** Whether {@code text} holds a C0 control character other than tab, LF and CR, or DEL (PostgreSQL stores no NUL). */
    public static boolean hasControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code number} fits {@link #MAX_INTEGER_DIGITS} and {@link #MAX_FRACTION_DIGITS}. */
    public static boolean isStorable(BigDecimal number) {
        BigDecimal n = number.stripTrailingZeros();
        return n.precision() - n.scale() <= MAX_INTEGER_DIGITS && n.scale() <= MAX_FRACTION_DIGITS;
    }

    /** Whether {@code value} is finite and {@link #isStorable(BigDecimal) storable}. */
    public static boolean isStorable(double value) {
        return Double.isFinite(value) && isStorable(BigDecimal.valueOf(value));
    }

    /** Whether a date or time lies in the years {@link #MIN_YEAR}–{@link #MAX_YEAR}. */
    public static boolean isStorable(TemporalAccessor when) {
        if (when instanceof java.time.Instant at) {
            return !at.isBefore(FIRST) && at.isBefore(AFTER_LAST);
        }
        int year = when.get(ChronoField.YEAR);
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /**
     * A query parameter holding an ISO-8601 instant or date ({@code 2026-11-30}: the start of that day, or with
     * {@code endOfDay} the start of the next), in the years {@link #MIN_YEAR}–{@link #MAX_YEAR}; null when absent.
     * Anything else is a 400 naming {@code field}.
     */
    public static java.time.Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        TemporalAccessor parsed;
        try {
            parsed = OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException notATime) {
            try {
                parsed = LocalDate.parse(value.trim());
            } catch (DateTimeParseException notADate) {
                throw ProblemException.invalid(field, "must be an ISO-8601 date or time");
            }
        }
        if (!isStorable(parsed)) {
            throw ProblemException.invalid(field, YEAR_RANGE);
        }
        if (parsed instanceof LocalDate day) {
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return ((OffsetDateTime) parsed).toInstant();
    }
}
