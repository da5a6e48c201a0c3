package com.finmatch.portal.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** {@code {x.money}}: 10,000,000 (at most 2 decimals); {@code {x.time}}: an ISO-8601 instant in China time. */
@TemplateExtension
public class FormatExtensions {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static String money(Object value) {
        BigDecimal n = value instanceof BigDecimal b ? b
                : value instanceof Number num ? new BigDecimal(num.toString()) : Forms.decimal(String.valueOf(value));
        if (n == null) {
            return value == null ? "" : value.toString();
        }
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(n);
    }

    /** An instant as ISO-8601 with seconds, for scripts ({@code data-due}): {@code 2026-12-01T08:00:00Z}. */
    static String iso(OffsetDateTime value) {
        return value.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String time(Object value) {
        if (value == null) {
            return "";
        }
        try {
            return OffsetDateTime.parse(value.toString()).atZoneSameInstant(CHINA).format(TIME);
        } catch (RuntimeException e) {
            try {
                return Instant.parse(value.toString()).atZone(CHINA).format(TIME);
            } catch (RuntimeException notAnInstant) {
                return value.toString();
            }
        }
    }

    /** {@code {d.size.bytes}}: a file size as people read it, 1,024 bytes a KiB: {@code 812 B}, {@code 1.5 KB}, {@code 2.3 MB}. */
    static String bytes(Object value) {
        if (!(value instanceof Number number)) {
            return value == null ? "" : value.toString();
        }
        long n = number.longValue();
        if (n < 1024) {
            return n + " B";
        }
        DecimalFormat one = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return n < 1024 * 1024 ? one.format(n / 1024.0) + " KB" : one.format(n / (1024.0 * 1024.0)) + " MB";
    }

    /** {@code {d.sha256.shortHash}}: the first 12 hex digits of a digest, enough to tell files apart on a page. */
    static String shortHash(Object value) {
        String text = value == null ? "" : value.toString();
        return text.length() <= 12 ? text : text.substring(0, 12);
    }
}
