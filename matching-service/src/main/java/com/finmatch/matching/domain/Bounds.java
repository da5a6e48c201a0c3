package com.finmatch.matching.domain;

/**
 * The lengths of what matching-service's answers carry, as its API document states them: each holds for every value
 * the service sends (it comes from an event whose producer enforced it, or the service makes it).
 */
public final class Bounds {

    /** Ids of the platform's objects: random UUIDs. */
    public static final int ID = 36;
    /** Codes (bank ids such as {@code ZQRCB}, cluster and district codes), as the KPI filters accept them. */
    public static final int CODE = 64;
    /** Names of enterprises, products and policy tools (the producing services accept at most 200 characters). */
    public static final int NAME = 200;
    /** Titles of training offers (loan-service accepts at most 300 characters). */
    public static final int TITLE = 300;
    /** Status and kind codes. */
    public static final int STATUS = 40;
    /** An instant as Jackson writes it: {@code 2026-11-30T08:00:00.123456789Z}, at most 35 characters. */
    public static final int INSTANT = 35;

    private Bounds() {
    }
}
