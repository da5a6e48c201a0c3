package com.finmatch.enterprise.api;

/** Versions as entity tags: {@code ETag: "3"}; If-Match accepts {@code "3"}, {@code W/"3"} and {@code 3}. */
final class ETags {

    /** A version no object has: what an If-Match that is not one of our tags means (412). */
    static final long NO_VERSION = -1;

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by If-Match; null when the header is absent. */
    static Long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            return NO_VERSION;
        }
    }
}
