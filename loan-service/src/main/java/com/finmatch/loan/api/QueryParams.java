package com.finmatch.loan.api;

import com.finmatch.platform.http.InputBounds;
import com.finmatch.platform.http.ProblemException;

import java.math.BigDecimal;
import java.util.Arrays;

/** Parses optional query parameters, so that a bad value is a 400 naming the parameter (not JAX-RS's 404). */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumValue(String value, Class<E> type, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Boolean bool(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    static BigDecimal amount(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.trim());
            if (!InputBounds.isStorable(amount)) {
                throw ProblemException.invalid(name, InputBounds.NUMBER_RANGE);
            }
            if (amount.signum() < 0 || amount.compareTo(new BigDecimal("1000000000000")) > 0) {
                throw ProblemException.invalid(name, "must be from 0 to 1000000000000");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a number");
        }
    }

    static String code(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 60) {
            throw ProblemException.invalid(name, "must be at most 60 characters");
        }
        return value.trim();
    }
}
