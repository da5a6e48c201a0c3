package com.finmatch.loan.bench;

import static com.finmatch.testing.Percentiles.median;
import static com.finmatch.testing.Percentiles.percentile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.loan.domain.CatalogueFilter;
import com.finmatch.loan.domain.ProductType;
import com.finmatch.loan.domain.Rule;
import com.finmatch.loan.service.CatalogueService;
import com.finmatch.testing.TestPostgres;
import org.flywaydb.core.Flyway;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catalogue benchmark — not a test. Starts an embedded PostgreSQL ({@link TestPostgres}), applies loan-service's
 * Flyway migrations, inserts a province's catalogue (default 10,000 published, unexpired products, plus expired and
 * unpublished ones the query must skip) with seeded-random banks, types, amount ranges, district and cluster rules in
 * the style of devstack's demo data, ANALYZEs, and times the statements {@code GET /api/v1/products} issues — built
 * by {@link CatalogueService.Sql}, the same code the service runs — for each filter the API offers: the page's select
 * and its count, as one request. Each query runs on two connections in the same run: the planner as configured
 * (baseline) and with index scans disabled ({@code enable_indexscan = off, enable_bitmapscan = off}); the runs
 * alternate, so that both see the same machine.
 *
 * <pre>cd loan-service && ../mvnw -B -q -Pbench test-compile exec:exec</pre>
 * Sizes: -Dbench.products=… -Dbench.runs=… -Dbench.warmup=… (pass them with -Dbench.args="…", see pom).
 */
public final class CatalogueBenchmark {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern NAMED = Pattern.compile(":([A-Za-z]\\w*)");

    // the demo data's banks first (the largest share), then other branches and county rural banks of a province
    static final String[][] BANKS = {
            {"ZQRCB", "肇庆农村商业银行", "肇农商"}, {"ICBCZQ", "工商银行肇庆分行", "工银"},
            {"CCBZQ", "建设银行肇庆分行", "建行"}, {"BOCZQ", "中国银行肇庆分行", "中银"},
            {"ABCZQ", "农业银行肇庆分行", "农银"}, {"BOCOMZQ", "交通银行肇庆分行", "交银"},
            {"CMBZQ", "招商银行肇庆分行", "招行"}, {"PSBCZQ", "邮储银行肇庆分行", "邮储"},
            {"CIBZQ", "兴业银行肇庆分行", "兴业"}, {"GDBZQ", "广发银行肇庆分行", "广发"},
            {"SPDBZQ", "浦发银行肇庆分行", "浦发"}, {"CEBZQ", "光大银行肇庆分行", "光大"},
            {"GZBZQ", "广州银行肇庆分行", "广州银行"}, {"HXBZQ", "华兴银行肇庆分行", "华兴"},
            {"SHRCB", "四会农村商业银行", "四会农商"}, {"GYRCB", "高要农村商业银行", "高要农商"},
            {"DQRCB", "德庆农村商业银行", "德庆农商"}, {"FKRCB", "封开农村商业银行", "封开农商"},
            {"HJRCB", "怀集农村商业银行", "怀集农商"}, {"GNRCB", "广宁农村商业银行", "广宁农商"}};
    static final String[] DISTRICTS = {"441202", "441203", "441204", "441223", "441224", "441225", "441226", "441284",
            "ZQHTZ", "ZQXQ"};
    static final String[] MOUNTAIN_COUNTIES = {"441223", "441224", "441225", "441226"};
    static final String[] CLUSTERS = {"NEV_AUTO", "ENERGY_STORAGE", "ELECTRONICS", "METAL_HARDWARE", "SMART_HOME",
            "FOOD_BEVERAGE", "BIOMEDICINE", "GREEN_BUILDING", "NEW_MATERIALS", "FINE_CHEMICALS"};
    static final String[] PRODUCT_WORDS = {"信用贷", "技改贷", "产业集群贷", "易担贷", "经营快贷", "知识产权质押贷",
            "供应链融资", "抵押快贷", "科创贷", "设备按揭贷", "订单贷", "税易贷", "专精特新贷", "绿色转型贷", "园区贷"};
    static final String[] GUARANTEES = {"CREDIT", "MORTGAGE", "GUARANTEE", "IP_PLEDGE", "RECEIVABLES",
            "POLICY_GUARANTEE"};
    static final long[] MIN_AMOUNTS = {100_000, 200_000, 300_000, 500_000, 500_000, 1_000_000, 1_000_000, 2_000_000,
            5_000_000};
    static final int[] MAX_FACTORS = {5, 10, 10, 20, 20, 30, 50, 100};
    // weights of the types, in ProductType order
    static final int[] TYPE_WEIGHTS = {30, 12, 12, 8, 15, 10, 13};

    record Case(String name, CatalogueService.Filter filter, int page, int size) {
    }

    record Measured(double[] request, double[] count, int rows, long total) {
    }

    public static void main(String[] args) throws Exception {
        int products = Integer.getInteger("bench.products", 10_000);
        int runs = Integer.getInteger("bench.runs", 200);
        int warmup = Integer.getInteger("bench.warmup", 50);
        long seed = Long.getLong("bench.seed", 42L);

        long t0 = System.nanoTime();
        String url = TestPostgres.newDatabase("catalogue_bench");
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/events", "classpath:db/migration")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            int rows = insert(c, products, new Random(seed));
            try (Statement s = c.createStatement()) {
                s.execute("analyze");
            }
            System.out.printf(Locale.ROOT, "PostgreSQL %s (collation %s), %,d rows in loan_product (%,d published and valid on %s;"
                    + " table %s, all indexes %s), ready in %.1f s%n", scalar(c, "show server_version"),
                    scalar(c, "select datcollate from pg_database where datname = current_database()"), rows, products,
                    TODAY, scalar(c, "select pg_size_pretty(pg_table_size('loan_product'))"),
                    scalar(c, "select pg_size_pretty(pg_indexes_size('loan_product'))"), (System.nanoTime() - t0) / 1e9);
        }

        List<Case> cases = List.of(
                new Case("no filter (first page)", filter(null, null, null, null, null), 0, 20),
                new Case("type=TECH_LOAN", filter(ProductType.TECH_LOAN, null, null, null, null), 0, 20),
                new Case("bankId=ZQRCB", filter(null, "ZQRCB", null, null, null), 0, 20),
                new Case("district=441226", filter(null, null, "441226", null, null), 0, 20),
                new Case("cluster=NEV_AUTO", filter(null, null, null, "NEV_AUTO", null), 0, 20),
                new Case("amount=1000000", filter(null, null, null, null, new BigDecimal("1000000")), 0, 20),
                new Case("type=CREDIT_LOAN&district=441202&cluster=ELECTRONICS&amount=2000000",
                        filter(ProductType.CREDIT_LOAN, null, "441202", "ELECTRONICS", new BigDecimal("2000000")), 0, 20),
                new Case("deep page: no filter, page=450&size=20", filter(null, null, null, null, null), 450, 20));

        try (Connection indexed = DriverManager.getConnection(url, "postgres", "postgres");
                Connection scans = DriverManager.getConnection(url, "postgres", "postgres")) {
            try (Statement s = scans.createStatement()) {
                s.execute("set enable_indexscan = off");
                s.execute("set enable_bitmapscan = off");
            }
            List<String> table = new ArrayList<>();
            List<String> plans = new ArrayList<>();
            for (Case k : cases) {
                CatalogueService.Sql sql = CatalogueService.Sql.of(k.filter(), k.filter().bankId(), TODAY);
                for (int i = 0; i < warmup; i++) {
                    request(indexed, sql, k);
                    request(scans, sql, k);
                }
                double[] a = new double[runs];
                double[] ac = new double[runs];
                double[] b = new double[runs];
                double[] bc = new double[runs];
                Measured first = null;
                for (int i = 0; i < runs; i++) {
                    Measured m = request(indexed, sql, k);
                    Measured n = request(scans, sql, k);
                    if (m.rows() != n.rows() || m.total() != n.total()) {
                        throw new IllegalStateException(k.name() + ": the two plans return different results");
                    }
                    first = m;
                    a[i] = m.request()[0];
                    ac[i] = m.count()[0];
                    b[i] = n.request()[0];
                    bc[i] = n.count()[0];
                }
                table.add(String.format(Locale.ROOT, "| %s | %d / %,d | %.2f / %.2f | %.2f | %.2f / %.2f | %.2f | %.1f× |",
                        k.name(), first.rows(), first.total(), median(a), percentile(a, 95), median(ac), median(b),
                        percentile(b, 95), median(bc), median(b) / median(a)));
                plans.add("- " + k.name() + ": select `" + plan(indexed, sql, k, false) + "`, count `"
                        + plan(indexed, sql, k, true) + "`; without index scans: select `" + plan(scans, sql, k, false)
                        + "`, count `" + plan(scans, sql, k, true) + "`");
            }
            System.out.printf(Locale.ROOT, "%n%s, %d cores, load average (1 min) at the end: %.2f; %d runs per query"
                    + " after %d warm-up runs, page request = select of the page (every column read) + count(*)%n%n",
                    Instant.now(), Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), runs, warmup);
            System.out.println("| GET /api/v1/products? | rows on page / total | request median / p95 ms"
                    + " | of which count(*), median ms | no index scans: request median / p95 ms"
                    + " | no index scans: count(*) median ms | ratio (medians, no index / baseline) |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
            table.forEach(System.out::println);
            System.out.println();
            System.out.println("Plans (EXPLAIN with the parameters bound):");
            plans.forEach(System.out::println);
        }
        System.exit(0);
    }

    static CatalogueService.Filter filter(ProductType type, String bankId, String district, String cluster,
            BigDecimal amount) {
        return new CatalogueService.Filter(type, bankId, district, cluster, amount, null);
    }

    /** One page request as the service makes it: the page's select (every column read), then the count. */
    static Measured request(Connection c, CatalogueService.Sql sql, Case k) throws SQLException {
        long t = System.nanoTime();
        int rows = 0;
        try (PreparedStatement s = prepare(c, sql.select(), sql.params(), k); ResultSet rs = s.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
        }
        long tc = System.nanoTime();
        long total;
        try (PreparedStatement s = prepare(c, sql.count(), sql.params(), k); ResultSet rs = s.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
        }
        long end = System.nanoTime();
        return new Measured(new double[] {(end - t) / 1e6}, new double[] {(end - tc) / 1e6}, rows, total);
    }

    /** The plan's scan and sort nodes, in order. */
    static String plan(Connection c, CatalogueService.Sql sql, Case k, boolean count) throws SQLException {
        List<String> nodes = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "explain (costs off) " + (count ? sql.count() : sql.select()),
                sql.params(), k); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String line = rs.getString(1).trim().replaceFirst("^->\\s*", "");
                if (line.contains("Scan") || line.equals("Sort") || line.startsWith("Limit") || line.startsWith("Aggregate")
                        || line.startsWith("Gather") || line.startsWith("Incremental Sort")) {
                    nodes.add(line.replaceFirst(" on loan_product( p)?$", ""));
                }
            }
        }
        return String.join(" → ", nodes);
    }

    /** Binds the named parameters as Hibernate does for these Java types (String varchar, LocalDate date, …). */
    static PreparedStatement prepare(Connection c, String named, Map<String, Object> params, Case k)
            throws SQLException {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("limit", k.size());
        all.put("offset", (long) k.page() * k.size());
        List<Object> values = new ArrayList<>();
        Matcher m = NAMED.matcher(named);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            if (!all.containsKey(m.group(1))) {
                throw new IllegalStateException("no value for :" + m.group(1));
            }
            values.add(all.get(m.group(1)));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        PreparedStatement s = c.prepareStatement(jdbc.toString());
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof String text) {
                s.setString(i + 1, text);
            } else if (v instanceof BigDecimal number) {
                s.setBigDecimal(i + 1, number);
            } else if (v instanceof Integer number) {
                s.setInt(i + 1, number);
            } else if (v instanceof Long number) {
                s.setLong(i + 1, number);
            } else {
                s.setObject(i + 1, v); // LocalDate → date
            }
        }
        return s;
    }

    /** Inserts the products (and the banks); returns the number of product rows. */
    static int insert(Connection c, int published, Random r) throws Exception {
        Instant now = Instant.parse("2026-05-01T02:00:00Z");
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement(
                "insert into bank (bank_id, name, response_hours, created_at) values (?, ?, ?, ?)")) {
            for (String[] bank : BANKS) {
                s.setString(1, bank[0]);
                s.setString(2, bank[1]);
                s.setInt(3, bank[0].equals("ZQRCB") ? 48 : 72);
                s.setTimestamp(4, Timestamp.from(now));
                s.addBatch();
            }
            s.executeBatch();
        }
        List<String> tools = List.of(uuid(r).toString(), uuid(r).toString(), uuid(r).toString());
        // besides the published, valid products: 5 % expired (still PUBLISHED) and 15 % DRAFT, SUSPENDED, WITHDRAWN
        int expired = published / 20;
        int other = published * 15 / 100;
        int total = published + expired + other;
        int[] serial = new int[BANKS.length];
        try (PreparedStatement s = c.prepareStatement("""
                insert into loan_product (id, bank_id, name, type, description, min_amount, max_amount,
                    min_term_months, max_term_months, min_annual_rate, max_annual_rate, lpr_spread_bps, guarantee_types,
                    rules, policy_tool_ids, materials_required, valid_from, valid_to, districts_allowed,
                    districts_excluded, clusters_allowed, clusters_excluded, status, created_at, updated_at,
                    published_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb),
                    cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < total; i++) {
                int b = skewed(r, BANKS.length);
                boolean countyBank = BANKS[b][0].endsWith("RCB") && !BANKS[b][0].equals("ZQRCB");
                ProductType type = ProductType.values()[weighted(r, TYPE_WEIGHTS)];
                long min = MIN_AMOUNTS[r.nextInt(MIN_AMOUNTS.length)];
                long max = Math.min(100_000_000L, min * MAX_FACTORS[r.nextInt(MAX_FACTORS.length)]);
                int minTerm = new int[] {3, 6, 12, 12, 24}[r.nextInt(5)];
                int maxTerm = Math.max(minTerm + 6, new int[] {12, 24, 36, 36, 60, 84, 120}[r.nextInt(7)]);
                int minRate = 295 + 5 * r.nextInt(12);
                List<Rule> rules = rules(r, countyBank ? b : -1);
                CatalogueFilter districts = CatalogueFilter.of(rules, "districtCode");
                CatalogueFilter clusters = CatalogueFilter.of(rules, "clusterCode");
                String status = i < published + expired ? "PUBLISHED"
                        : new String[] {"DRAFT", "DRAFT", "SUSPENDED", "WITHDRAWN"}[r.nextInt(4)];
                LocalDate validTo = i >= published && i < published + expired ? LocalDate.of(2025, 12, 31)
                        : r.nextInt(10) == 0 ? null : LocalDate.of(2027, 12, 31);
                int p = 1;
                s.setObject(p++, uuid(r));
                s.setString(p++, BANKS[b][0]);
                s.setString(p++, BANKS[b][2] + "·" + PRODUCT_WORDS[r.nextInt(PRODUCT_WORDS.length)] + " "
                        + (++serial[b]));
                s.setString(p++, type.name());
                s.setString(p++, "面向肇庆市中小微企业的" + type.name() + "产品，线上申请，最快3个工作日放款。");
                s.setBigDecimal(p++, BigDecimal.valueOf(min));
                s.setBigDecimal(p++, BigDecimal.valueOf(max));
                s.setInt(p++, minTerm);
                s.setInt(p++, maxTerm);
                s.setBigDecimal(p++, BigDecimal.valueOf(minRate, 2));
                s.setBigDecimal(p++, BigDecimal.valueOf(minRate + 50 + 5 * r.nextInt(20), 2));
                if (r.nextBoolean()) {
                    s.setInt(p++, 5 * r.nextInt(30));
                } else {
                    s.setNull(p++, java.sql.Types.INTEGER);
                }
                s.setString(p++, JSON.writeValueAsString(guarantees(r)));
                s.setString(p++, JSON.writeValueAsString(rules));
                s.setString(p++, JSON.writeValueAsString(r.nextInt(3) == 0 ? List.of(tools.get(r.nextInt(3)))
                        : List.of()));
                s.setString(p++, JSON.writeValueAsString(List.of("营业执照", "近两年财务报表", "纳税证明")));
                s.setObject(p++, LocalDate.of(2026, 1, 1));
                s.setObject(p++, validTo);
                s.setArray(p++, array(c, districts.allowed()));
                s.setArray(p++, array(c, districts.excluded()));
                s.setArray(p++, array(c, clusters.allowed()));
                s.setArray(p++, array(c, clusters.excluded()));
                s.setString(p++, status);
                s.setTimestamp(p++, Timestamp.from(now));
                s.setTimestamp(p++, Timestamp.from(now));
                s.setTimestamp(p++, status.equals("DRAFT") ? null : Timestamp.from(now));
                s.setLong(p, 0);
                s.addBatch();
                if (i % 1000 == 999) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        return total;
    }

    /**
     * Rules like the demo data's: a district rule on most products (the whole city, one county for a county bank,
     * the mountain counties, or one excluded), a cluster rule on about a third, and hard and soft rules on other
     * fields that the catalogue does not filter on.
     */
    static List<Rule> rules(Random r, int countyBank) {
        List<Rule> rules = new ArrayList<>();
        double d = r.nextDouble();
        if (countyBank >= 0 && d < 0.8) {
            rules.add(hard("districtCode", "IN", List.of(MOUNTAIN_COUNTIES[countyBank % MOUNTAIN_COUNTIES.length])));
        } else if (d < 0.30) {
            rules.add(hard("districtCode", "IN", List.of(DISTRICTS)));
        } else if (d < 0.40) {
            rules.add(hard("districtCode", "IN", List.of(MOUNTAIN_COUNTIES)));
        } else if (d < 0.55) {
            rules.add(hard("districtCode", "IN", List.of(DISTRICTS[r.nextInt(DISTRICTS.length)])));
        } else if (d < 0.60) {
            rules.add(hard("districtCode", "NE", DISTRICTS[r.nextInt(DISTRICTS.length)]));
        }
        double k = r.nextDouble();
        if (k < 0.33) {
            List<String> allowed = new ArrayList<>();
            int n = 1 + r.nextInt(4);
            while (allowed.size() < n) {
                String cluster = CLUSTERS[skewed(r, CLUSTERS.length)];
                if (!allowed.contains(cluster)) {
                    allowed.add(cluster);
                }
            }
            rules.add(hard("clusterCode", "IN", allowed));
        } else if (k < 0.38) {
            rules.add(hard("clusterCode", "NOT_IN", List.of(CLUSTERS[r.nextInt(CLUSTERS.length)])));
        }
        if (r.nextDouble() < 0.85) {
            rules.add(hard("yearsInBusiness", "GE", 1 + r.nextInt(3)));
        }
        if (r.nextDouble() < 0.3) {
            rules.add(hard("sizeClass", "IN", List.of("MICRO", "SMALL", "MEDIUM")));
        }
        if (r.nextDouble() < 0.3) {
            rules.add(hard("annualRevenue", "GE", 10_000_000L * (1 + r.nextInt(5))));
        }
        if (r.nextDouble() < 0.15) {
            rules.add(hard("patents", "GE", 5));
        }
        if (r.nextDouble() < 0.5) {
            rules.add(soft("tags", "CONTAINS", new String[] {"SRDI_PROVINCIAL", "HIGH_TECH", "TECH_SME"}[r.nextInt(3)],
                    10 + r.nextInt(40)));
        }
        if (r.nextDouble() < 0.4) {
            rules.add(soft("taxPaid", "GE", 500_000, 10 + r.nextInt(40)));
        }
        return rules;
    }

    static List<String> guarantees(Random r) {
        List<String> out = new ArrayList<>();
        for (String g : GUARANTEES) {
            if (r.nextDouble() < 0.3) {
                out.add(g);
            }
        }
        return out.isEmpty() ? List.of("CREDIT") : out;
    }

    static Rule hard(String field, String operator, Object value) {
        JsonNode v = JSON.valueToTree(value);
        return new Rule(field, operator, v, true, null, new Rule.Message(field, field));
    }

    static Rule soft(String field, String operator, Object value, int weight) {
        JsonNode v = JSON.valueToTree(value);
        return new Rule(field, operator, v, false, weight, new Rule.Message(field, field));
    }

    static UUID uuid(Random r) {
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE);
    }

    static java.sql.Array array(Connection c, String[] values) throws SQLException {
        return values == null ? null : c.createArrayOf("text", values);
    }

    /** An index in [0, n), the first ones more likely (about a third on the first). */
    static int skewed(Random r, int n) {
        return Math.min(n - 1, (int) (n * Math.pow(r.nextDouble(), 2.5)));
    }

    static int weighted(Random r, int[] weights) {
        int sum = Arrays.stream(weights).sum();
        int x = r.nextInt(sum);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

}
