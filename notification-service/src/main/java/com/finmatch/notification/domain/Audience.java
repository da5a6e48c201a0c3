package com.finmatch.notification.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a notification is for, as one string: {@code user:<sub>} (one user), {@code bank:<bankId>} (every user whose
 * token carries that {@code bank_id}) or {@code role:admin} (every platform administrator).
 */
public final class Audience {

    public static final String ADMINS = "role:admin";

    private Audience() {
    }

    public static String user(String sub) {
        return "user:" + sub;
    }

    public static String bank(String bankId) {
        return "bank:" + bankId;
    }

    /** The bank of a {@code bank:} audience, or null for any other. */
    public static String bankOf(String audience) {
        return audience.startsWith("bank:") ? audience.substring(5) : null;
    }

    /** The user of a {@code user:} audience, or null for any other. */
    public static String userOf(String audience) {
        return audience.startsWith("user:") ? audience.substring(5) : null;
    }

    /** The audiences a caller belongs to: always their own; their bank's when the token names one; admins'. */
    public static List<String> of(String sub, String bankId, boolean admin) {
        List<String> audiences = new ArrayList<>(3);
        audiences.add(user(sub));
        if (bankId != null && !bankId.isBlank()) {
            audiences.add(bank(bankId));
        }
        if (admin) {
            audiences.add(ADMINS);
        }
        return List.copyOf(audiences);
    }
}
