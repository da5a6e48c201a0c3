package com.finmatch.platform.ratelimit;

import com.finmatch.testing.TestPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * What the rate limit costs a request (docs/RELIABILITY.md, "Rate limits"): on a real PostgreSQL 17, the per-request
 * time of {@link RateLimiter#acquire} with a lease of 1 (one upsert per request) and of 20 (the default), next to a
 * {@code select 1} round trip on the same connection setup as the baseline. Not a test (surefire runs *Test only); run
 * it with the test classpath, see RELIABILITY.md. Each figure is measured in turns within one run.
 */
public final class RateLimitBenchmark {

    private static final int WARMUP = 2_000;
    private static final int RUNS = 20_000;

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setURL(TestPostgres.newDatabase("ratelimit_bench"));
        db.setUser("postgres");
        db.setPassword("postgres");
        try (InputStream ddl = RateLimitBenchmark.class.getResourceAsStream("/db/test/V3__rate_limit.sql");
             Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
        // one connection each, as a pool would hand out: connecting is not what is measured
        try (Connection baseline = db.getConnection(); Connection one = db.getConnection();
             Connection twenty = db.getConnection()) {
            PreparedStatement select1 = baseline.prepareStatement("select 1");
            RateLimiter exact = new RateLimiter(new PostgresRateLimitStore(new SingleConnection(one)),
                    Clock.systemUTC(), Duration.ofHours(1), 1);
            RateLimiter leased = new RateLimiter(new PostgresRateLimitStore(new SingleConnection(twenty)),
                    Clock.systemUTC(), Duration.ofHours(1), 20);
            long[][] times = new long[3][RUNS];
            for (int i = -WARMUP; i < RUNS; i++) {
                long t0 = System.nanoTime();
                try (ResultSet r = select1.executeQuery()) {
                    r.next();
                }
                long t1 = System.nanoTime();
                exact.acquire("user:bench-" + (i & 63), Integer.MAX_VALUE);
                long t2 = System.nanoTime();
                leased.acquire("user:bench-" + (i & 63), Integer.MAX_VALUE);
                long t3 = System.nanoTime();
                if (i >= 0) {
                    times[0][i] = t1 - t0;
                    times[1][i] = t2 - t1;
                    times[2][i] = t3 - t2;
                }
            }
            String[] names = {"select 1 (baseline round trip)", "acquire, lease 1 (one upsert per request)",
                    "acquire, lease 20 (default)"};
            System.out.printf("%d requests each, 64 clients, PostgreSQL 17 embedded%n", RUNS);
            double base = median(times[0]);
            for (int k = 0; k < 3; k++) {
                System.out.printf("%-45s median %7.1f µs  p99 %7.1f µs  mean %7.1f µs  (median / baseline %.2f)%n",
                        names[k], median(times[k]) / 1000, percentile(times[k], 0.99) / 1000,
                        Arrays.stream(times[k]).average().orElse(0) / 1000, median(times[k]) / base);
            }
        }
        System.exit(0);
    }

    private static double median(long[] t) {
        return percentile(t, 0.5);
    }

    private static double percentile(long[] t, double p) {
        long[] sorted = t.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }

    /** A DataSource that hands out one open connection and never closes it (what a warm pool amounts to). */
    private static final class SingleConnection extends PGSimpleDataSource {
        private final Connection connection;

        SingleConnection(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection getConnection() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> method.getName().equals("close")
                            ? null : method.invoke(connection, args));
        }
    }
}
