package com.finmatch.devstack;

/** The GB 32100-2015 check character of a 统一社会信用代码 (USCC): the demo data must carry valid ones. */
public final class Uscc {
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("a USCC body has 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not a USCC character");
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }

    public static boolean isValid(String uscc) {
        try {
            return uscc != null && uscc.length() == 18 && checkCharacter(uscc.substring(0, 17)) == uscc.charAt(17);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
