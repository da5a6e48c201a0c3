package com.finmatch.portal.web;

/**
 * The 统一社会信用代码 (USCC, GB 32100-2015) check, so the form explains a typo before anything is sent: 18 characters
 * from {@code 0-9A-HJ-NPQRTUWXY}; the 18th is the check character: 31 − (Σ value(cᵢ) × weightᵢ mod 31) over the
 * first 17, with weights 3^(i) mod 31.
 */
public final class Uscc {
    static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    /** The expected check character of the first 17 characters, or 0 when one of them is not allowed. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARS.indexOf(first17.charAt(i));
            if (v < 0) {
                return 0;
            }
            sum += v * WEIGHTS[i];
        }
        return CHARS.charAt((31 - sum % 31) % 31);
    }

    /** A message key with its argument when the code is wrong ({@code null} when it is fine or absent). */
    public static String problem(String code) {
        if (code == null) {
            return null;
        }
        if (code.length() != 18) {
            return "uscc_length";
        }
        char expected = checkCharacter(code);
        if (expected == 0) {
            return "uscc_chars";
        }
        if (code.charAt(17) != expected) {
            return "uscc_check:" + expected;
        }
        return null;
    }
}
