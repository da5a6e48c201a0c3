package com.finmatch.matching.bench;

import static com.finmatch.testing.Percentiles.median;
import static com.finmatch.testing.Percentiles.percentile;

import com.finmatch.matching.domain.EnterpriseProfile;
import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.domain.LoanProduct;
import com.finmatch.matching.domain.engine.MatchingEngine;
import com.finmatch.matching.domain.Message;
import com.finmatch.matching.domain.Operator;
import com.finmatch.matching.domain.PolicyTool;
import com.finmatch.matching.domain.RankedProduct;
import com.finmatch.matching.domain.Rule;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Engine benchmark — not a test. Generates a synthetic province (default 300,000 enterprises, 1,000,000 open needs,
 * 10,000 products whose rules let about 7 % of the pairs through), loads it into the {@link MatchingEngine}, and
 * measures the full re-match, a new product against all needs and a changed need against all products, next to a
 * hand-coded scan of every pair over columnar arrays with the same rules and the same score, measured in the same
 * run. It also checks that both give the same top lists for a sample of needs.
 *
 * <pre>cd matching-service && ../mvnw -B -q -Pbench test-compile exec:exec</pre>
 * Sizes: -Dbench.needs=… -Dbench.products=… -Dbench.enterprises=… (pass them with -Dbench.args="…", see pom).
 */
public final class MatchingBenchmark {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final String[] DISTRICTS = {"441202", "441203", "441204", "441223", "441224", "441225", "441226", "441284",
            "441291", "441292"};
    static final String[] CLUSTERS = {"NEV", "STORAGE", "ELECTRONICS", "HARDWARE", "MATERIALS", "BUILDING", "FOOD",
            "CHEMICALS", "BIOMED", "HOME"};
    static final String[] SIZES = {"MICRO", "SMALL", "MEDIUM", "LARGE"};
    static final String[] TAGS = {"SRDI_PROVINCIAL", "SRDI_LITTLE_GIANT", "HIGH_TECH", "TECH_SME"};
    static final String[] GUARANTEES = {"CREDIT", "MORTGAGE", "GUARANTEE", "IP_PLEDGE", "RECEIVABLES",
            "POLICY_GUARANTEE"};
    static final String[] RATINGS = {"BB", "BBB-", "BBB", "BBB+", "A-", "A", "A+", "AA-", "AA", "AA+", "AAA"};
    static final List<String> RATING_SCALE = List.of("D", "C", "CC", "CCC", "B-", "B", "B+", "BB-", "BB", "BB+",
            "BBB-", "BBB", "BBB+", "A-", "A", "A+", "AA-", "AA", "AA+", "AAA");
    static final int TOP = 5;

    // enterprises, columnar (the baseline reads these; the engine gets the same values as profiles)
    final int enterprises;
    final byte[] eDistrict;
    final byte[] eCluster;
    final byte[] eSize;
    final byte[] eTags;
    final double[] eRevenue;
    final byte[] eYears;
    final byte[] eRating;
    final byte[] eIndustryGroup;
    // needs
    final int needs;
    final int[] nEnterprise;
    final double[] nAmount;
    final byte[] nTerm;
    final byte[] nGuarantees;
    final int[] nRateCap;
    // products: the same rules hard-coded for the baseline
    final int products;
    final BaselineProduct[] baseline;
    final List<LoanProduct> catalogue = new ArrayList<>();
    final List<PolicyTool> tools = List.of(
            new PolicyTool(uuid(9_000_001), "INTEREST_SUBSIDY", "肇庆科技贷贴息", new BigDecimal("1.00"), true),
            new PolicyTool(uuid(9_000_002), "INTEREST_SUBSIDY", "专精特新贴息", new BigDecimal("0.50"), true),
            new PolicyTool(uuid(9_000_003), "RISK_POOL", "风险补偿资金池", null, true),
            new PolicyTool(uuid(9_000_004), "GOVERNMENT_GUARANTEE", "政策性融资担保", null, true));

    MatchingBenchmark(int enterprises, int needs, int products, long seed) {
        this.enterprises = enterprises;
        this.needs = needs;
        this.products = products;
        Random r = new Random(seed);
        eDistrict = new byte[enterprises];
        eCluster = new byte[enterprises];
        eSize = new byte[enterprises];
        eTags = new byte[enterprises];
        eRevenue = new double[enterprises];
        eYears = new byte[enterprises];
        eRating = new byte[enterprises];
        eIndustryGroup = new byte[enterprises];
        for (int e = 0; e < enterprises; e++) {
            eDistrict[e] = (byte) skewed(r, DISTRICTS.length);
            eCluster[e] = (byte) skewed(r, CLUSTERS.length);
            double s = r.nextDouble();
            eSize[e] = (byte) (s < 0.35 ? 0 : s < 0.75 ? 1 : s < 0.95 ? 2 : 3);
            int tags = 0;
            if (r.nextDouble() < 0.15) {
                tags |= 1;
            }
            if (r.nextDouble() < 0.03) {
                tags |= 2;
            }
            if (r.nextDouble() < 0.30) {
                tags |= 4;
            }
            if (r.nextDouble() < 0.40) {
                tags |= 8;
            }
            eTags[e] = (byte) tags;
            eRevenue[e] = Math.round(Math.exp(15.5 + 1.6 * r.nextGaussian()));
            eYears[e] = (byte) Math.min(40, (int) Math.abs(8 + 6 * r.nextGaussian()));
            eRating[e] = (byte) RATING_SCALE.indexOf(RATINGS[Math.min(RATINGS.length - 1,
                    Math.max(0, (int) (6 + 2.2 * r.nextGaussian())))]);
            eIndustryGroup[e] = (byte) (13 + r.nextInt(30));
        }
        nEnterprise = new int[needs];
        nAmount = new double[needs];
        nTerm = new byte[needs];
        nGuarantees = new byte[needs];
        nRateCap = new int[needs];
        for (int n = 0; n < needs; n++) {
            nEnterprise[n] = r.nextInt(enterprises);
            nAmount[n] = Math.round(Math.exp(13.8 + 1.3 * r.nextGaussian()) / 1000) * 1000.0 + 10_000;
            nTerm[n] = (byte) new int[] {6, 12, 12, 24, 36, 36, 60, 120}[r.nextInt(8)];
            int g = 0;
            g |= r.nextDouble() < 0.7 ? 1 : 0;
            g |= r.nextDouble() < 0.45 ? 2 : 0;
            g |= r.nextDouble() < 0.35 ? 4 : 0;
            g |= r.nextDouble() < 0.10 ? 8 : 0;
            g |= r.nextDouble() < 0.15 ? 16 : 0;
            g |= r.nextDouble() < 0.20 ? 32 : 0;
            nGuarantees[n] = (byte) (g == 0 ? 1 : g);
            nRateCap[n] = 350 + 25 * r.nextInt(15);
        }
        baseline = new BaselineProduct[products];
        for (int p = 0; p < products; p++) {
            BaselineProduct b = BaselineProduct.random(r, p, tools);
            baseline[p] = b;
            catalogue.add(b.asLoanProduct(tools));
        }
    }

    /** Zipf-like: a few districts and clusters hold most firms. */
    static int skewed(Random r, int n) {
        double u = r.nextDouble();
        return Math.min(n - 1, (int) (n * u * u));
    }

    static String uuid(long n) {
        return String.format("%08x-0000-4000-8000-%012x", n, n);
    }

    EnterpriseProfile profile(int e) {
        List<String> tags = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            if ((eTags[e] & (1 << t)) != 0) {
                tags.add(TAGS[t]);
            }
        }
        return new EnterpriseProfile(uuid(e), null, null, null, null, TODAY.minusYears(eYears[e]).minusDays(1), null,
                DISTRICTS[eDistrict[e]], "C" + eIndustryGroup[e] + "10", CLUSTERS[eCluster[e]], SIZES[eSize[e]], tags,
                null, BigDecimal.valueOf(eRevenue[e]), null, null, null, null, null, null, null,
                RATING_SCALE.get(eRating[e]), null, null, 1);
    }

    FinancingNeed need(int n, double amount) {
        List<String> g = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            if ((nGuarantees[n] & (1 << i)) != 0) {
                g.add(GUARANTEES[i]);
            }
        }
        return new FinancingNeed(uuid(100_000_000L + n), uuid(nEnterprise[n]), BigDecimal.valueOf(amount), (int) nTerm[n],
                "WORKING_CAPITAL", g, BigDecimal.valueOf(nRateCap[n], 2), null, null);
    }

    // ------------------------------------------------------------------------------------------------ baseline

    /** The naive way: every pair, rules hard-coded, over the columnar arrays; keeps each need's top list. */
    long[] baselineScan(int threads, int needLimit, int[] topProducts, int[] topScores) throws Exception {
        AtomicLong eligible = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> parts = new ArrayList<>();
        int per = (needLimit + threads - 1) / threads;
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int from = t * per;
            int to = Math.min(needLimit, from + per);
            parts.add(pool.submit(() -> {
                long count = 0;
                int[] bestP = new int[TOP];
                int[] bestS = new int[TOP];
                for (int n = from; n < to; n++) {
                    int size = 0;
                    int e = nEnterprise[n];
                    double amount = nAmount[n];
                    int g = nGuarantees[n];
                    for (int p = 0; p < products; p++) {
                        BaselineProduct b = baseline[p];
                        if (amount < b.minAmount || amount > b.maxAmount || (g & b.guarantees) == 0
                                || nTerm[n] < b.minTerm || nTerm[n] > b.maxTerm || b.effectiveRate() > nRateCap[n]) {
                            continue;
                        }
                        if (b.districts != 0 && (b.districts & (1 << eDistrict[e])) == 0) {
                            continue;
                        }
                        if (b.clusters != 0 && (b.clusters & (1 << eCluster[e])) == 0) {
                            continue;
                        }
                        if (eSize[e] > b.maxSize || (eTags[e] & b.requiredTags) != b.requiredTags
                                || eRevenue[e] < b.minRevenue || eYears[e] < b.minYears || eRating[e] < b.minRating
                                || eIndustryGroup[e] == b.excludedIndustryGroup) {
                            continue;
                        }
                        count++;
                        int score = b.score(this, n, e);
                        if (size < TOP || better(score, p, bestS[TOP - 1], bestP[TOP - 1])) {
                            int pos = size < TOP ? size++ : TOP - 1;
                            while (pos > 0 && better(score, p, bestS[pos - 1], bestP[pos - 1])) {
                                bestS[pos] = bestS[pos - 1];
                                bestP[pos] = bestP[pos - 1];
                                pos--;
                            }
                            bestS[pos] = score;
                            bestP[pos] = p;
                        }
                    }
                    if (topProducts != null) {
                        for (int k = 0; k < TOP; k++) {
                            topProducts[n * TOP + k] = k < size ? bestP[k] : -1;
                            topScores[n * TOP + k] = k < size ? bestS[k] : -1;
                        }
                    }
                }
                eligible.addAndGet(count);
            }));
        }
        for (Future<?> f : parts) {
            f.get();
        }
        pool.shutdown();
        return new long[] {System.nanoTime() - t0, eligible.get()};
    }

    static boolean better(int score, int product, int otherScore, int otherProduct) {
        return score > otherScore || (score == otherScore && product < otherProduct);
    }

    // ------------------------------------------------------------------------------------------------ main

    public static void main(String[] args) throws Exception {
        int enterprises = Integer.getInteger("bench.enterprises", 300_000);
        int needs = Integer.getInteger("bench.needs", 1_000_000);
        int products = Integer.getInteger("bench.products", 10_000);
        int threads = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
        int baselineNeeds = Integer.getInteger("bench.baselineNeeds", needs);
        System.out.printf(Locale.ROOT, "finmatch matching benchmark: %,d enterprises, %,d needs, %,d products, %d threads,"
                + " max heap %,d MB%n", enterprises, needs, products, threads, Runtime.getRuntime().maxMemory() >> 20);

        long t = System.nanoTime();
        MatchingBenchmark data = new MatchingBenchmark(enterprises, needs, products, 20260601L);
        System.out.printf(Locale.ROOT, "generated synthetic data in %.1f s%n", secs(t));
        long heapBefore = usedHeap();

        t = System.nanoTime();
        MatchingEngine engine = new MatchingEngine(TOP, TODAY, threads);
        engine.deferMatching();
        engine.reserveEnterprises(enterprises);
        engine.reserveNeeds(needs);
        data.tools.forEach(engine::upsertPolicyTool);
        for (int e = 0; e < enterprises; e++) {
            engine.upsertEnterprise(data.profile(e));
        }
        for (int n = 0; n < needs; n++) {
            engine.upsertNeed(data.need(n, data.nAmount[n]));
        }
        data.catalogue.forEach(engine::upsertProduct);
        System.out.printf(Locale.ROOT, "loaded the engine (index built, nothing matched) in %.1f s%n", secs(t));

        double[] full = new double[Integer.getInteger("bench.runs", 2)];
        double[] fullCpu = new double[full.length];
        for (int run = 0; run < full.length; run++) {
            t = System.nanoTime();
            long cpu = cpuNanos();
            engine.rematchAll(null);
            full[run] = secs(t);
            fullCpu[run] = (cpuNanos() - cpu) / 1e9;
            System.out.printf(Locale.ROOT, "full re-match run %d: %.2f s wall, %.2f s CPU%n", run + 1, full[run],
                    fullCpu[run]);
        }
        long engineHeap = usedHeap() - heapBefore;

        // a new product against all needs
        Random r = new Random(7);
        java.lang.management.ThreadMXBean threadCpu = ManagementFactory.getThreadMXBean();
        double[] newProduct = new double[30];
        double[] newProductCpu = new double[newProduct.length];
        for (int i = 0; i < newProduct.length; i++) {
            LoanProduct p = BaselineProduct.random(r, products + i, data.tools).asLoanProduct(data.tools);
            t = System.nanoTime();
            long cpu = threadCpu.getCurrentThreadCpuTime();
            engine.upsertProduct(p);
            newProductCpu[i] = (threadCpu.getCurrentThreadCpuTime() - cpu) / 1e6;
            newProduct[i] = millis(t);
        }
        // a changed need against all products
        double[] changedNeed = new double[2000];
        int[] changedIndex = new int[changedNeed.length];
        double[] changedNeedCpu = new double[changedNeed.length];
        for (int i = 0; i < changedNeed.length; i++) {
            int n = r.nextInt(needs);
            changedIndex[i] = n;
            FinancingNeed changed = data.need(n, data.nAmount[n] * (1.1 + r.nextInt(5) * 0.1));
            t = System.nanoTime();
            long cpu = threadCpu.getCurrentThreadCpuTime();
            engine.upsertNeed(changed);
            changedNeedCpu[i] = (threadCpu.getCurrentThreadCpuTime() - cpu) / 1e6;
            changedNeed[i] = millis(t);
        }
        // put the changed needs and new products back, so that the cross-check compares like with like
        MatchingEngine check = engine;
        for (int i = 0; i < newProduct.length; i++) {
            check.changeProductStatus(uuid(products + i + 1), "WITHDRAWN", 99);
        }
        for (int n : changedIndex) {
            check.upsertNeed(data.need(n, data.nAmount[n]));
        }

        System.out.printf(Locale.ROOT, "baseline: scanning %,d needs × %,d products …%n", baselineNeeds, products);
        int[] baseTop = new int[baselineNeeds * TOP];
        int[] baseScore = new int[baselineNeeds * TOP];
        long cpuBefore = cpuNanos();
        long[] scan = data.baselineScan(threads, baselineNeeds, baseTop, baseScore);
        double baselineCpu = (cpuNanos() - cpuBefore) / 1e9 * ((double) needs / baselineNeeds);
        double baselineSeconds = scan[0] / 1e9 * ((double) needs / baselineNeeds);
        double eligibleShare = 100.0 * scan[1] / ((double) baselineNeeds * products);

        int agree = 0;
        int sampled = 0;
        for (int n = 0; n < baselineNeeds; n += Math.max(1, baselineNeeds / 5000)) {
            sampled++;
            List<RankedProduct> top = check.topList(uuid(100_000_000L + n));
            boolean same = true;
            for (int k = 0; k < TOP; k++) {
                int bp = baseTop[n * TOP + k];
                if (k >= top.size()) {
                    same &= bp < 0;
                } else {
                    same &= bp >= 0 && top.get(k).productId().equals(uuid(bp + 1))
                            && top.get(k).score().compareTo(BigDecimal.valueOf(baseScore[n * TOP + k], 2)) == 0;
                }
            }
            agree += same ? 1 : 0;
        }

        double fullBest = Arrays.stream(full).min().orElse(0);
        System.out.printf(Locale.ROOT, "%nmachine load average (1 min) at the end: %.1f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| measure | engine | target | baseline (full scan) | ratio |");
        System.out.println("| --- | --- | --- | --- | --- |");
        System.out.printf(Locale.ROOT, "| full re-match, %,d needs × %,d products (first / best of %d runs) | %.2f s / %.2f s |"
                + " < 10 s | %.1f s%s | %.1f× faster |%n", needs, products, full.length, full[0], fullBest, baselineSeconds,
                baselineNeeds < needs ? " (extrapolated)" : "", baselineSeconds / fullBest);
        double cpuBest = Arrays.stream(fullCpu).min().orElse(0);
        System.out.printf(Locale.ROOT, "| full re-match, CPU time (all threads; ÷ %d = wall time on an idle machine) |"
                + " %.2f s (÷ %d = %.2f s) | | %.1f s | %.1f× less CPU |%n", threads, cpuBest, threads, cpuBest / threads,
                baselineCpu, baselineCpu / cpuBest);
        System.out.printf(Locale.ROOT, "| new product against all needs (median / max of %d) | %.1f ms / %.1f ms | < 50 ms |"
                + " %.0f ms (one product: %,d needs) | %.0f× |%n", newProduct.length, median(newProduct), max(newProduct),
                baselineSeconds * 1000 / products, needs, baselineSeconds * 1000 / products / median(newProduct));
        System.out.printf(Locale.ROOT, "| changed need against all products (median / p99 / max of %d) | %.3f / %.3f / %.3f ms |"
                + " < 1 ms | %.3f ms (one need: %,d products) | %.0f× |%n", changedNeed.length, median(changedNeed),
                percentile(changedNeed, 99), max(changedNeed), baselineSeconds * 1000 / needs, products,
                baselineSeconds * 1000 / needs / median(changedNeed));
        System.out.printf(Locale.ROOT, "| the same in thread CPU time: new product median / max; changed need median / p99 |"
                + " %.1f / %.1f ms; %.3f / %.3f ms | | | |%n", median(newProductCpu), max(newProductCpu),
                median(changedNeedCpu), percentile(changedNeedCpu, 99));
        System.out.printf(Locale.ROOT, "| heap held by the engine (after GC) | %,d MB | < 1 GB (JVM -Xmx%,d MB) | | |%n",
                engineHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "| eligible pairs | %.2f %% of %,d | ~7 %% | | |%n", eligibleShare,
                (long) baselineNeeds * products);
        System.out.printf(Locale.ROOT, "| engine top lists equal to the baseline's | %d of %d sampled needs | all | | |%n",
                agree, sampled);
        if (agree != sampled) {
            System.out.println("!! the engine and the baseline disagree");
            System.exit(1);
        }
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static double millis(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A product's rules in hard-coded form (baseline) and as data (engine). */
    static final class BaselineProduct {
        int id;
        int districts;
        int clusters;
        int maxSize = 3;
        int requiredTags;
        double minRevenue = Double.NEGATIVE_INFINITY;
        int minYears;
        int minRating;
        int excludedIndustryGroup = -1;
        int guarantees;
        double minAmount;
        double maxAmount;
        int minTerm;
        int maxTerm;
        int minRate;
        int subsidy;
        int policyPoints;
        List<String> toolIds = new ArrayList<>();
        int softTag = -1;
        int softTagWeight;
        double softRevenue = Double.NaN;
        int softRevenueWeight;
        int softClusters;
        int softClusterWeight;

        static BaselineProduct random(Random r, int index, List<PolicyTool> tools) {
            BaselineProduct b = new BaselineProduct();
            b.id = index;
            if (r.nextDouble() < 0.75) {
                int k = 1 + r.nextInt(3);
                for (int i = 0; i < k; i++) {
                    b.districts |= 1 << skewed(r, DISTRICTS.length);
                }
            }
            if (r.nextDouble() < 0.5) {
                int k = 1 + r.nextInt(2);
                for (int i = 0; i < k; i++) {
                    b.clusters |= 1 << skewed(r, CLUSTERS.length);
                }
            }
            if (r.nextDouble() < 0.5) {
                b.maxSize = 1 + r.nextInt(2);
            }
            if (r.nextDouble() < 0.15) {
                b.requiredTags = 1 << (r.nextBoolean() ? 2 : 3);
            }
            if (r.nextDouble() < 0.6) {
                b.minRevenue = 1_000_000L * (1 + r.nextInt(20));
            }
            if (r.nextDouble() < 0.4) {
                b.minYears = 1 + r.nextInt(5);
            }
            if (r.nextDouble() < 0.3) {
                b.minRating = RATING_SCALE.indexOf(RATINGS[2 + r.nextInt(5)]);
            }
            if (r.nextDouble() < 0.2) {
                b.excludedIndustryGroup = 13 + r.nextInt(30);
            }
            int g = 0;
            while (g == 0) {
                for (int i = 0; i < 6; i++) {
                    if (r.nextDouble() < 0.3) {
                        g |= 1 << i;
                    }
                }
            }
            b.guarantees = g;
            b.minAmount = 10_000L * (1 + r.nextInt(50));
            b.maxAmount = b.minAmount * (5 + r.nextInt(200));
            b.minTerm = new int[] {1, 3, 6, 12}[r.nextInt(4)];
            b.maxTerm = new int[] {12, 24, 36, 60, 120}[r.nextInt(5)];
            b.minRate = 260 + 10 * r.nextInt(300 / 10);
            boolean subsidy = false;
            boolean pool = false;
            boolean guarantee = false;
            for (PolicyTool t : tools) {
                if (r.nextDouble() < 0.12) {
                    b.toolIds.add(t.policyToolId());
                    switch (t.kind()) {
                        case "INTEREST_SUBSIDY" -> {
                            subsidy = true;
                            b.subsidy += t.subsidyRate().movePointRight(2).intValue();
                        }
                        case "RISK_POOL" -> pool = true;
                        default -> guarantee = true;
                    }
                }
            }
            b.policyPoints = (subsidy ? 300 : 0) + (pool ? 200 : 0) + (guarantee ? 200 : 0);
            if (r.nextDouble() < 0.5) {
                b.softTag = r.nextInt(4);
                b.softTagWeight = 10 + r.nextInt(90);
            }
            if (r.nextDouble() < 0.5) {
                b.softRevenue = 5_000_000L * (1 + r.nextInt(10));
                b.softRevenueWeight = 10 + r.nextInt(90);
            }
            if (r.nextDouble() < 0.3) {
                b.softClusters = 1 << skewed(r, CLUSTERS.length);
                b.softClusterWeight = 10 + r.nextInt(90);
            }
            return b;
        }

        /** The engine's score formula, hard-coded (see {@link MatchingEngine}). */
        int score(MatchingBenchmark d, int n, int e) {
            int softTotal = (softTag >= 0 ? softTagWeight : 0) + (Double.isNaN(softRevenue) ? 0 : softRevenueWeight)
                    + (softClusters != 0 ? softClusterWeight : 0);
            int passed = 0;
            boolean softProgramme = false;
            if (softTag >= 0 && (d.eTags[e] & (1 << softTag)) != 0) {
                passed += softTagWeight;
                softProgramme = true;
            }
            if (!Double.isNaN(softRevenue) && d.eRevenue[e] >= softRevenue) {
                passed += softRevenueWeight;
            }
            if (softClusters != 0 && (softClusters & (1 << d.eCluster[e])) != 0) {
                passed += softClusterWeight;
                softProgramme = true;
            }
            boolean hardProgramme = clusters != 0 || requiredTags != 0;
            int score = policyPoints + (hardProgramme ? 500 : 0);
            score += softTotal == 0 ? 2500 : (int) ((long) passed * 5000 / softTotal);
            int term = d.nTerm[n];
            score += term >= minTerm && term <= maxTerm ? 1000 : 0;
            int effective = effectiveRate();
            int cap = d.nRateCap[n];
            score += effective > cap ? 0 : 1000 + (int) (1000L * (cap - effective) / cap);
            int g = d.nGuarantees[n];
            score += Integer.bitCount(g & guarantees) * 800 / Integer.bitCount(g);
            if (!hardProgramme && softProgramme) {
                score += 500;
            }
            return score;
        }

        /** minAnnualRate less the subsidy, floored at 0 (hundredths): above the need's cap the pair is ineligible. */
        int effectiveRate() {
            return Math.max(0, minRate - subsidy);
        }

        LoanProduct asLoanProduct(List<PolicyTool> tools) {
            List<Rule> rules = new ArrayList<>();
            if (districts != 0) {
                rules.add(hard("districtCode", Operator.IN, codes(DISTRICTS, districts)));
            }
            if (clusters != 0) {
                rules.add(hard("clusterCode", Operator.IN, codes(CLUSTERS, clusters)));
            }
            if (maxSize < 3) {
                rules.add(hard("sizeClass", Operator.LE, SIZES[maxSize]));
            }
            if (requiredTags != 0) {
                rules.add(hard("tags", Operator.CONTAINS, codes(TAGS, requiredTags)));
            }
            if (minRevenue > Double.NEGATIVE_INFINITY) {
                rules.add(hard("annualRevenue", Operator.GE, minRevenue));
            }
            if (minYears > 0) {
                rules.add(hard("yearsInBusiness", Operator.GE, minYears));
            }
            if (minRating > 0) {
                rules.add(hard("creditRating", Operator.GE, RATING_SCALE.get(minRating)));
            }
            if (excludedIndustryGroup >= 0) {
                rules.add(hard("industryCode", Operator.NOT_IN, List.of("C" + excludedIndustryGroup)));
            }
            if (softTag >= 0) {
                rules.add(soft("tags", Operator.CONTAINS, TAGS[softTag], softTagWeight));
            }
            if (!Double.isNaN(softRevenue)) {
                rules.add(soft("annualRevenue", Operator.GE, softRevenue, softRevenueWeight));
            }
            if (softClusters != 0) {
                rules.add(soft("clusterCode", Operator.IN, codes(CLUSTERS, softClusters), softClusterWeight));
            }
            List<String> g = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                if ((guarantees & (1 << i)) != 0) {
                    g.add(GUARANTEES[i]);
                }
            }
            return new LoanProduct(uuid(id + 1), "BANK" + (id % 40), "产品 " + id, "CREDIT_LOAN",
                    BigDecimal.valueOf(minAmount), BigDecimal.valueOf(maxAmount), minTerm, maxTerm,
                    BigDecimal.valueOf(minRate, 2), BigDecimal.valueOf(minRate + 200, 2), g, rules, toolIds, null, null,
                    "PUBLISHED", 1);
        }

        private static List<String> codes(String[] names, int mask) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                if ((mask & (1 << i)) != 0) {
                    out.add(names[i]);
                }
            }
            return out;
        }

        private static Rule hard(String field, Operator op, Object value) {
            return new Rule(field, op, value, true, 0, new Message(field, field));
        }

        private static Rule soft(String field, Operator op, Object value, int weight) {
            return new Rule(field, op, value, false, weight, new Message(field, field));
        }
    }
}
