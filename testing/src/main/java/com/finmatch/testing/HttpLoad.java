package com.finmatch.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP load driver of the services' read benchmarks (not for tests: timings never are): runs Debian's {@code wrk}
 * ({@code apt-get install wrk}) against a URL and reads its requests/s, p50, p99 and non-2xx count, and writes the
 * cases of one run as a Markdown table with each case's ratio to the run's baseline (its first case).
 */
public final class HttpLoad {

    /**
     * The test profile of the services' HTTP read benchmarks: the tests' settings plus the service's trivial endpoint
     * {@code GET /bench/trivial} (a test-source resource guarded by {@code finmatch.bench.trivial-endpoint}).
     */
    public static class BenchProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("finmatch.bench.trivial-endpoint", "true");
        }
    }

    /** The cases of one round, measured with the load given; the first is the round's baseline. */
    public interface Round {
        List<Result> measure(HttpLoad load);
    }

    /** One measured case: {@code non2xx} counts answers outside 2xx/3xx (a benchmark of errors measures nothing). */
    public record Result(String name, double requestsPerSecond, double p50Millis, double p99Millis, long requests,
            long non2xx, long timeouts) {
    }

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    /** wrk gives up on a request after 2 s: it counts it as a timeout and leaves it out of the latencies. */
    private static final Pattern TIMEOUTS = Pattern.compile("timeout (\\d+)");
    private static final Pattern LATENCY = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s|m)\\s*$",
            Pattern.MULTILINE);

    private final int threads;
    private final int connections;
    private final int seconds;
    private final int warmupSeconds;

    public HttpLoad(int threads, int connections, int seconds, int warmupSeconds) {
        this.threads = threads;
        this.connections = connections;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
    }

    /** Settings from system properties {@code bench.threads}, {@code bench.connections}, {@code bench.seconds}, {@code bench.warmup}. */
    public static HttpLoad fromSystemProperties() {
        return new HttpLoad(Integer.getInteger("bench.threads", 2), Integer.getInteger("bench.connections", 32),
                Integer.getInteger("bench.seconds", 10), Integer.getInteger("bench.warmup", 5));
    }

    /** Warms the URL up (unmeasured), then measures it; {@code headers} are sent with every request. */
    public Result measure(String name, String url, Map<String, String> headers) {
        if (warmupSeconds > 0) {
            wrk(url, headers, warmupSeconds);
        }
        String out = wrk(url, headers, seconds);
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher latency = LATENCY.matcher(out);
        while (latency.find()) {
            double millis = millis(Double.parseDouble(latency.group(2)), latency.group(3));
            if (latency.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        Result result = new Result(name, number(RATE, out), p50, p99, (long) number(REQUESTS, out),
                (long) optional(NON_2XX, out), (long) optional(TIMEOUTS, out));
        System.out.printf(Locale.ROOT, "%-60s %,10.0f req/s  p50 %7.2f ms  p99 %7.2f ms  non-2xx %d  timeouts %d%n",
                name, result.requestsPerSecond(), p50, p99, result.non2xx(), result.timeouts());
        return result;
    }

    /** The cases as a Markdown table; ratios are to {@code results.get(0)} (the baseline of the same run). */
    public static String table(List<Result> results) {
        double base = results.get(0).requestsPerSecond();
        StringBuilder md = new StringBuilder("| case | requests/s | ratio to baseline | p50 ms | p99 ms | requests"
                + " | non-2xx | timeouts (> 2 s) |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.1f %% | %.2f | %.2f | %,d | %d | %d |%n",
                    r.name(), r.requestsPerSecond(), 100 * r.requestsPerSecond() / base, r.p50Millis(),
                    r.p99Millis(), r.requests(), r.non2xx(), r.timeouts()));
        }
        return md.toString();
    }

    /**
     * Runs {@code bench.rounds} (default 2) rounds with the settings of {@link #fromSystemProperties}, each a table with
     * the load average after it; prints the report and appends it to {@code target/http-bench.md}. A case that
     * answered errors fails the run (after the report): it measured nothing.
     */
    public static String runRounds(String heading, Round round) {
        HttpLoad load = fromSystemProperties();
        int rounds = Integer.getInteger("bench.rounds", 2);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%n### %s: run of %s (JDK %s; load average"
                + " before: %s)%n", heading, java.time.Instant.now(), System.getProperty("java.version"), loadAverage()));
        List<Result> all = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            List<Result> results = round.measure(load);
            all.addAll(results);
            report.append(String.format(Locale.ROOT, "%nRound %d of %d (load average after: %s)%n%n", r, rounds,
                    loadAverage())).append(table(results));
        }
        System.out.println(report);
        append(Path.of("target", "http-bench.md"), report.toString());
        all.stream().filter(r -> r.non2xx() > 0).findFirst().ifPresent(r -> {
            throw new IllegalStateException(r.name() + " answered " + r.non2xx() + " errors");
        });
        return report.toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Appends {@code text} to {@code file} (created with its folders if missing). */
    public static void append(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String wrk(String url, Map<String, String> headers, int duration) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration + "s",
                "--latency"));
        headers.forEach((k, v) -> command.addAll(List.of("-H", k + ": " + v)));
        command.add(url);
        try {
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (wrk.waitFor() != 0) {
                throw new IllegalStateException("wrk failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("wrk could not run (apt-get install wrk): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double millis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }

    private static double number(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double optional(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
