package com.finmatch.portal.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Turning form fields into the JSON the services take: blank means absent, numbers are parsed, lists are split. */
public final class Forms {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Forms() {
    }

    public static boolean isUuid(String s) {
        return s != null && UUID.matcher(s).matches();
    }

    /** An id in a path or form that is not a UUID names nothing: the page answers 404 like for an unknown id. */
    public static void requireUuid(String id) {
        if (!isUuid(id)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
    }

    public static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A decimal, or null when blank or not a number (the service then names the field). */
    public static BigDecimal decimal(String s) {
        String t = text(s);
        if (t == null) {
            return null;
        }
        try {
            return new BigDecimal(t.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static Integer integer(String s) {
        BigDecimal d = decimal(s);
        if (d == null) {
            return null;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** A field that must be sent as typed: a number when it parses, else the raw text (so the service says 400). */
    public static Object number(String s) {
        String t = text(s);
        if (t == null) {
            return null;
        }
        BigDecimal d = decimal(t);
        return d != null ? d : t;
    }

    public static List<String> list(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    out.add(v.trim());
                }
            }
        }
        return out;
    }

    /** Put only present values (a service treats absent and null alike; blank is never sent). */
    public static void put(Map<String, Object> json, String field, Object value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
