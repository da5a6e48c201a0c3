package com.finmatch.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Terse progress output: one line per step, a live "waiting for X … 23 s" counter while something boots. */
public final class Console {
    private static final PrintStream OUT = System.out;
    private static final boolean TTY = System.console() != null || System.getenv("FINMATCH_TTY") != null;
    private static volatile boolean quiet = Boolean.getBoolean("finmatch.quiet");

    private Console() {
    }

    public static void quiet(boolean q) {
        quiet = q;
    }

    public static void info(String line) {
        if (!quiet) {
            OUT.println(line);
            OUT.flush();
        }
    }

    /** Always printed, also in quiet mode. */
    public static void warn(String line) {
        OUT.println("!! " + line);
        OUT.flush();
    }

    /**
     * Polls {@code ready} about twice a second until it is true, {@code failed} is true or {@code timeout} passes,
     * showing "waiting for what … N s". Returns true when ready.
     */
    public static boolean waitFor(String what, Duration timeout, BooleanSupplier ready, BooleanSupplier failed) {
        long start = System.nanoTime();
        long lastPrinted = -1;
        while (true) {
            long secs = (System.nanoTime() - start) / 1_000_000_000L;
            if (ready.getAsBoolean()) {
                clearLine();
                info("   " + what + " ready after " + secs + " s");
                return true;
            }
            if (failed.getAsBoolean() || secs >= timeout.toSeconds()) {
                clearLine();
                return false;
            }
            if (!quiet) {
                if (TTY) {
                    OUT.print("\r   waiting for " + what + " … " + secs + " s   ");
                    OUT.flush();
                } else if (secs / 10 != lastPrinted) {
                    lastPrinted = secs / 10;
                    info("   waiting for " + what + " … " + secs + " s");
                }
            }
            sleep(500);
        }
    }

    private static void clearLine() {
        if (TTY && !quiet) {
            OUT.print("\r" + " ".repeat(70) + "\r");
            OUT.flush();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
