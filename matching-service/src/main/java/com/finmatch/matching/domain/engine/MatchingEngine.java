package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.EnterpriseProfile;
import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.domain.LoanProduct;
import com.finmatch.matching.domain.Message;
import com.finmatch.matching.domain.PolicyTool;
import com.finmatch.matching.domain.RankedProduct;
import com.finmatch.matching.domain.Recommendation;
import com.finmatch.matching.domain.Rule;
import com.finmatch.matching.domain.TrainingOffer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The matching engine: plain Java, no framework. It holds enterprises and open needs in columns ({@link Columns}),
 * published products compiled to predicates ({@link ProductState}), and each open need's top list.
 *
 * <h2>Eligibility</h2>
 * A product is eligible for a need when it is PUBLISHED and inside its validity, accepts at least one of the need's
 * guarantee types, the need's amount lies in [minAmount, maxAmount], the need's term (if stated) in [minTermMonths,
 * maxTermMonths], the estimated rate is at or below the need's maxAnnualRate (if stated), every hard rule passes, and
 * the bank has not declined the enterprise's application to it for this need ({@link #declineProduct}).
 *
 * <h2>Score (0–100, kept in hundredths as an int so that sums are exact and the order deterministic)</h2>
 * <ul>
 * <li>appetite, 50 points: the weights of the soft rules that pass, as a share of all soft weights (25, neutral, for a
 * product without soft rules);</li>
 * <li>term, 10: the need's term inside [minTermMonths, maxTermMonths] (5 when the need has no term);</li>
 * <li>rate, 20: estimated rate = minAnnualRate − the interest subsidies that count today, floored at 0;
 * 10 + 10 × (max − estimated) / max (10 when the need states no maximum);</li>
 * <li>guarantee, 8: the share of the need's guarantee types the product accepts;</li>
 * <li>policy support, 7: interest subsidy 3, risk-compensation pool 2, government guarantee 2 (tools that count
 * today: active, inside their dates, not exhausted, see {@link PolicyTool#usableOn});</li>
 * <li>programme, 5: the product targets the enterprise's cluster or tags (a hard rule on clusterCode/tags, or such a
 * soft rule that passes).</li>
 * </ul>
 * The top list of a need holds the best {@code topSize} eligible products by score, ties by product id (ascending).
 *
 * <h2>Scale</h2>
 * Products are indexed by their hard constraints — district, cluster, size class (allowed codes), required tags,
 * guarantee types and amount band — in bit sets over product slots; needs are indexed by the same dimensions in bit
 * sets over need slots. A need is scored only against the products its bit sets let through (need-major: a changed
 * need), a product only against the needs they let through (product-major: a new or changed product, and the full
 * re-match). Remaining hard rules run as tight column filters over the candidates; never a full cross product.
 * <p>
 * The full re-match runs every product over one block of 4,096 needs at a time, so that the block's rows stay in
 * cache, with the blocks shared among threads. Products run in the order that fills top lists best first (learnt on a
 * sample of blocks), and a candidate need is skipped when the product's best possible score for it cannot enter its
 * full top list; that upper bound is computed without branches, as it runs for every candidate.
 *
 * <h2>Threads</h2>
 * Every public method is synchronized: one writer at a time, readers see a consistent state.
 */
public final class MatchingEngine {

    static final Field[] DIMENSIONS = {Field.DISTRICT_CODE, Field.CLUSTER_CODE, Field.SIZE_CLASS};
    static final int BANDS = 40;
    /** Ordered enterprise fields indexed by thresholds: a row per threshold holds the needs whose value is ≥ it. */
    static final Field[] RANGED = {Field.ANNUAL_REVENUE, Field.YEARS_IN_BUSINESS, Field.CREDIT_RATING};
    static final double[][] THRESHOLDS = {geometric(100_000, 2, 28), linear(0, 1, 61), linear(0, 1, 20)};
    static final int CHUNK = 2048;
    /** [types × 65 + accepted]: accepted × 800 / types, looked up rather than divided in the hot loops */
    private static final int[] GUARANTEE_POINTS = new int[65 * 65];

    static {
        for (int types = 1; types <= 64; types++) {
            for (int accepted = 0; accepted <= types; accepted++) {
                GUARANTEE_POINTS[types * 65 + accepted] = accepted * 800 / types;
            }
        }
    }
    /** Need words per block of the full re-match (4,096 needs): few enough for their rows to stay in cache. */
    static final int BLOCK_WORDS = 64;
    /** Blocks matched first in a full re-match, to learn which products win most often. */
    static final int SAMPLE_BLOCKS = 8;
    public static final int NEAR_MISS_LIMIT = 5;
    /** The longest top list a need may have ({@code finmatch.matching.top-size}). */
    public static final int MAX_TOP_SIZE = 100;
    /** The most IPO-training offers shown for a need or an enterprise's listing readiness, best first. */
    public static final int MAX_OFFERS = 50;
    public static final int MAX_FAILED_FOR_NEAR_MISS = 2;
    public static final List<String> GUARANTEE_TYPES = List.of("CREDIT", "MORTGAGE", "GUARANTEE", "IP_PLEDGE",
            "RECEIVABLES", "POLICY_GUARANTEE");

    private final int topSize;
    private final LocalDate today;
    private final int threads;
    final Columns c = new Columns();
    private final RuleCompiler compiler = new RuleCompiler(c);
    private final Scratch scratch = new Scratch();

    // enterprises
    private final Map<String, Integer> enterpriseSlots = new HashMap<>();
    private String[] enterpriseIds = new String[16];
    private int[] firstNeedOf = filled(16, -1);
    private int enterpriseCount;

    // needs
    private final Map<String, Integer> needSlots = new HashMap<>();
    private String[] needIds = new String[16];
    private String[] projectIds = new String[16];
    private int[] nextNeed = filled(16, -1);
    private int[] previousNeed = filled(16, -1);
    private int[] rateCap = filled(16, -1);
    /** 1000 / rateCap (0 without a cap): the rate points' upper bound without a division (see scoreProduct) */
    private float[] rateSlope = new float[16];
    private int needHighWater;
    private int[] freeNeedSlots = new int[16];
    private int freeNeedCount;
    private int needWords = Bits.words(16);
    private long[] openNeeds = new long[needWords];
    private final long[][][] needsByDimension = new long[DIMENSIONS.length][][];
    private final int[] dimensionKeys = new int[DIMENSIONS.length];
    private final long[][] needsByTag = new long[64][];
    private final long[][] needsByGuarantee = new long[64][];
    private final long[][] needsByBand = new long[BANDS][];
    private final long[][][] needsAtLeast = new long[RANGED.length][][];

    // top lists: topSize entries per need slot, best first
    private int[] topProduct;
    private int[] topScore;
    private byte[] topCount;

    // products
    private final Map<String, Integer> productSlots = new HashMap<>();
    private ProductState[] products = new ProductState[16];
    private int productCount;
    private int productWords = Bits.words(16);
    private long[] activeProducts = new long[productWords];
    private final long[][][] productsByDimension = new long[DIMENSIONS.length][][];
    private final long[][] productsRequiringTag = new long[64][];
    private final long[][] productsByGuarantee = new long[64][];
    private final long[][] productsByBand = new long[BANDS][];
    private long requiredTagsOfAnyProduct;

    private final Map<String, PolicyTool> tools = new HashMap<>();
    private boolean deferred;
    private final Map<String, CompiledOffer> offers = new TreeMap<>();
    private final DeclinedPairs declined = new DeclinedPairs();
    /** a need row holding only an enterprise's copy (no need fields), for enterprise-level checks; -1 until used */
    private int probeRow = -1;

    /** Progress of a full re-match: products done out of products to do. */
    public interface Progress {
        void update(long done, long total);
    }

    public MatchingEngine(int topSize, LocalDate today) {
        this(topSize, today, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public MatchingEngine(int topSize, LocalDate today, int threads) {
        if (topSize < 1 || topSize > MAX_TOP_SIZE) {
            throw new IllegalArgumentException("topSize must be 1–" + MAX_TOP_SIZE);
        }
        this.topSize = topSize;
        this.today = today;
        this.threads = threads;
        topProduct = new int[16 * topSize];
        topScore = new int[16 * topSize];
        topCount = new byte[16];
        for (int d = 0; d < DIMENSIONS.length; d++) {
            needsByDimension[d] = new long[0][];
            productsByDimension[d] = new long[0][];
        }
        for (int f = 0; f < RANGED.length; f++) {
            needsAtLeast[f] = new long[THRESHOLDS[f].length][];
        }
        ensureDimensionKeys(2, Field.SIZE_CLASS.scale().size() + 1);
    }

    /**
     * Starts a bulk load: until the next {@link #rematchAll}, changes are indexed but nothing is matched (loading the
     * read models at start-up, benchmarks).
     */
    public synchronized void deferMatching() {
        deferred = true;
    }

    public int topSize() {
        return topSize;
    }

    public LocalDate today() {
        return today;
    }

    // ------------------------------------------------------------------------------------------------ enterprises

    /** Adds or replaces an enterprise; its open needs are re-matched. @return needs whose top list changed */
    public synchronized List<String> upsertEnterprise(EnterpriseProfile e) {
        int slot = enterpriseSlot(e.enterpriseId());
        for (int need = firstNeedOf[slot]; need >= 0; need = nextNeed[need]) {
            setNeedBits(need, false);
        }
        writeEnterprise(slot, e);
        List<String> changed = new ArrayList<>();
        for (int need = firstNeedOf[slot]; need >= 0; need = nextNeed[need]) {
            c.copyEnterprise(slot, need);
            setNeedBits(need, true);
        }
        for (int need = firstNeedOf[slot]; need >= 0; need = nextNeed[need]) {
            if (rematchNeed(need)) {
                changed.add(needIds[need]);
            }
        }
        return changed;
    }

    private void writeEnterprise(int slot, EnterpriseProfile e) {
        num(Field.REGISTERED_CAPITAL, slot, e.registeredCapital());
        num(Field.EMPLOYEES, slot, e.employees());
        num(Field.ANNUAL_REVENUE, slot, e.annualRevenue());
        num(Field.REVENUE_GROWTH, slot, e.revenueGrowth());
        num(Field.NET_PROFIT, slot, e.netProfit());
        num(Field.TOTAL_ASSETS, slot, e.totalAssets());
        num(Field.TOTAL_LIABILITIES, slot, e.totalLiabilities());
        num(Field.TAX_PAID, slot, e.taxPaid());
        num(Field.RD_RATIO, slot, e.rdRatio());
        num(Field.PATENTS, slot, e.patents());
        ordinal(Field.SIZE_CLASS, slot, e.sizeClass());
        ordinal(Field.CREDIT_RATING, slot, e.creditRating());
        ordinal(Field.LISTING_INTENTION, slot, e.listingIntention());
        c.ownNumbers(Field.FOUNDED_ON)[slot] = e.foundedOn() == null ? Double.NaN : e.foundedOn().toEpochDay();
        c.ownNumbers(Field.YEARS_IN_BUSINESS)[slot] = e.foundedOn() == null || e.foundedOn().isAfter(today) ? Double.NaN
                : Period.between(e.foundedOn(), today).getYears();
        code(Field.DISTRICT_CODE, slot, e.districtCode());
        code(Field.INDUSTRY_CODE, slot, e.industryCode());
        code(Field.CLUSTER_CODE, slot, e.clusterCode());
        code(Field.TARGET_BOARD, slot, e.targetBoard());
        code(Field.USCC, slot, e.uscc());
        code(Field.NAME, slot, e.name());
        code(Field.LEGAL_REPRESENTATIVE, slot, e.legalRepresentative());
        c.ownSets(Field.TAGS)[slot] = c.mask(Field.TAGS, e.tags());
    }

    private void num(Field f, int row, Number value) {
        c.ownNumbers(f)[row] = value == null ? Double.NaN : value.doubleValue();
    }

    private void ordinal(Field f, int row, String value) {
        int position = f.ordinal(value);
        c.ownNumbers(f)[row] = position < 0 ? Double.NaN : position;
    }

    private void code(Field f, int row, String value) {
        c.ownCodes(f)[row] = c.dictionary(f).intern(value);
    }

    private int enterpriseSlot(String id) {
        Integer slot = enterpriseSlots.get(id);
        if (slot != null) {
            return slot;
        }
        int s = enterpriseCount++;
        c.ensureEnterprises(s + 1);
        if (s >= enterpriseIds.length) {
            int capacity = c.enterpriseCapacity;
            enterpriseIds = Arrays.copyOf(enterpriseIds, capacity);
            int old = firstNeedOf.length;
            firstNeedOf = Arrays.copyOf(firstNeedOf, capacity);
            Arrays.fill(firstNeedOf, old, capacity, -1);
        }
        enterpriseIds[s] = id;
        enterpriseSlots.put(id, s);
        return s;
    }

    /** key = code + 1 of a need's (enterprise's) value on a dimension (0 = missing), read from the need's row. */
    private int dimensionKey(int d, int need) {
        Field f = DIMENSIONS[d];
        if (f.numeric()) {
            double position = c.numbers(f)[need];
            return Double.isNaN(position) ? 0 : (int) position + 1;
        }
        return c.codes(f)[need] + 1;
    }

    /** Makes sure both indexes have a row for every key below {@code keys} on dimension d. */
    private void ensureDimensionKeys(int d, int keys) {
        if (keys <= dimensionKeys[d]) {
            return;
        }
        int old = dimensionKeys[d];
        needsByDimension[d] = Arrays.copyOf(needsByDimension[d], keys);
        productsByDimension[d] = Arrays.copyOf(productsByDimension[d], keys);
        for (int key = old; key < keys; key++) {
            needsByDimension[d][key] = new long[needWords];
            productsByDimension[d][key] = new long[productWords];
        }
        dimensionKeys[d] = keys;
        for (int p = 0; p < productCount; p++) {
            ProductState product = products[p];
            for (int key = old; key < keys; key++) {
                Bits.set(productsByDimension[d][key], p, product.active && accepts(product, d, key));
            }
            if (product.constrains(d)) {
                splitKeys(product, d);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ needs

    /** Adds or replaces an open need and re-matches it. @return true when its top list changed */
    public synchronized boolean upsertNeed(FinancingNeed n) {
        Integer existing = needSlots.get(n.needId());
        int slot;
        if (existing != null) {
            slot = existing;
            unindexNeed(slot);
            unlinkNeed(slot);
        } else {
            slot = allocateNeedSlot();
            needSlots.put(n.needId(), slot);
            needIds[slot] = n.needId();
        }
        int enterprise = enterpriseSlot(n.enterpriseId());
        c.needEnterprise[slot] = enterprise;
        c.copyEnterprise(enterprise, slot);
        projectIds[slot] = n.projectId();
        num(Field.AMOUNT, slot, n.amount());
        num(Field.TERM_MONTHS, slot, n.termMonths());
        num(Field.MAX_ANNUAL_RATE, slot, n.maxAnnualRate());
        c.ownNumbers(Field.NEEDED_BY)[slot] = n.neededBy() == null ? Double.NaN : n.neededBy().toEpochDay();
        c.ownNumbers(Field.HAS_PROJECT)[slot] = n.projectId() == null ? 0 : 1;
        code(Field.PURPOSE, slot, n.purpose());
        c.ownSets(Field.GUARANTEE_TYPES)[slot] = c.mask(Field.GUARANTEE_TYPES, n.guaranteeTypes());
        rateCap[slot] = n.maxAnnualRate() == null ? -1 : hundredths(n.maxAnnualRate());
        rateSlope[slot] = rateCap[slot] > 0 ? 1000f / rateCap[slot] : 0;
        linkNeed(slot, enterprise);
        indexNeed(slot);
        return rematchNeed(slot);
    }

    /** Closes a need (withdrawn, fulfilled). @return true when it had a non-empty top list */
    public synchronized boolean closeNeed(String needId) {
        Integer slot = needSlots.remove(needId);
        if (slot == null) {
            return false;
        }
        boolean had = topCount[slot] > 0;
        unindexNeed(slot);
        unlinkNeed(slot);
        topCount[slot] = 0;
        needIds[slot] = null;
        projectIds[slot] = null;
        if (freeNeedCount == freeNeedSlots.length) {
            freeNeedSlots = Arrays.copyOf(freeNeedSlots, freeNeedCount * 2);
        }
        freeNeedSlots[freeNeedCount++] = slot;
        return had;
    }

    private int allocateNeedSlot() {
        if (freeNeedCount > 0) {
            return freeNeedSlots[--freeNeedCount];
        }
        int slot = needHighWater++;
        if (slot >= needIds.length) {
            growNeeds(Math.max(slot + 1, needIds.length * 2));
        }
        return slot;
    }

    /** Pre-sizes the need columns (a bulk load of n needs). */
    public synchronized void reserveNeeds(int n) {
        if (n > needIds.length) {
            growNeeds(n);
        }
    }

    /** Pre-sizes the enterprise columns. */
    public synchronized void reserveEnterprises(int n) {
        if (n > enterpriseIds.length) {
            c.ensureEnterprises(n);
            enterpriseIds = Arrays.copyOf(enterpriseIds, c.enterpriseCapacity);
            int old = firstNeedOf.length;
            firstNeedOf = Arrays.copyOf(firstNeedOf, c.enterpriseCapacity);
            Arrays.fill(firstNeedOf, old, c.enterpriseCapacity, -1);
        }
    }

    private void growNeeds(int capacity) {
        c.ensureNeeds(capacity);
        capacity = c.needCapacity;
        int old = needIds.length;
        needIds = Arrays.copyOf(needIds, capacity);
        projectIds = Arrays.copyOf(projectIds, capacity);
        nextNeed = Arrays.copyOf(nextNeed, capacity);
        previousNeed = Arrays.copyOf(previousNeed, capacity);
        rateCap = Arrays.copyOf(rateCap, capacity);
        rateSlope = Arrays.copyOf(rateSlope, capacity);
        Arrays.fill(nextNeed, old, capacity, -1);
        Arrays.fill(previousNeed, old, capacity, -1);
        Arrays.fill(rateCap, old, capacity, -1);
        topProduct = Arrays.copyOf(topProduct, capacity * topSize);
        topScore = Arrays.copyOf(topScore, capacity * topSize);
        topCount = Arrays.copyOf(topCount, capacity);
        int words = Bits.words(capacity);
        openNeeds = Arrays.copyOf(openNeeds, words);
        for (long[][] table : needsByDimension) {
            growRows(table, words);
        }
        growRows(needsByTag, words);
        growRows(needsByGuarantee, words);
        growRows(needsByBand, words);
        for (long[][] table : needsAtLeast) {
            growRows(table, words);
        }
        needWords = words;
    }

    private static void growRows(long[][] table, int words) {
        for (int i = 0; i < table.length; i++) {
            if (table[i] != null) {
                table[i] = Arrays.copyOf(table[i], words);
            }
        }
    }

    private void linkNeed(int need, int enterprise) {
        int first = firstNeedOf[enterprise];
        nextNeed[need] = first;
        previousNeed[need] = -1;
        if (first >= 0) {
            previousNeed[first] = need;
        }
        firstNeedOf[enterprise] = need;
    }

    private void unlinkNeed(int need) {
        int enterprise = c.needEnterprise[need];
        int prev = previousNeed[need];
        int next = nextNeed[need];
        if (prev >= 0) {
            nextNeed[prev] = next;
        } else if (firstNeedOf[enterprise] == need) {
            firstNeedOf[enterprise] = next;
        }
        if (next >= 0) {
            previousNeed[next] = prev;
        }
        nextNeed[need] = -1;
        previousNeed[need] = -1;
    }

    private void indexNeed(int need) {
        setNeedBits(need, true);
    }

    private void unindexNeed(int need) {
        setNeedBits(need, false);
    }

    private void setNeedBits(int need, boolean value) {
        Bits.set(openNeeds, need, value);
        for (int d = 0; d < DIMENSIONS.length; d++) {
            int key = dimensionKey(d, need);
            if (value) {
                ensureDimensionKeys(d, key + 1);
            }
            Bits.set(needRow(needsByDimension[d], key), need, value);
        }
        setMaskBits(needsByTag, c.sets(Field.TAGS)[need], need, value);
        setMaskBits(needsByGuarantee, c.sets(Field.GUARANTEE_TYPES)[need], need, value);
        int band = band(c.numbers(Field.AMOUNT)[need]);
        if (band >= 0) {
            Bits.set(needRow(needsByBand, band), need, value);
        }
        for (int f = 0; f < RANGED.length; f++) {
            double v = c.numbers(RANGED[f])[need];
            double[] thresholds = THRESHOLDS[f];
            for (int j = 0; j < thresholds.length && v >= thresholds[j]; j++) {
                Bits.set(needRow(needsAtLeast[f], j), need, value);
            }
        }
    }

    private void setMaskBits(long[][] table, long mask, int need, boolean value) {
        for (long m = mask; m != 0; m &= m - 1) {
            Bits.set(needRow(table, Long.numberOfTrailingZeros(m)), need, value);
        }
    }

    private long[] needRow(long[][] table, int key) {
        if (table[key] == null) {
            table[key] = new long[needWords];
        }
        return table[key];
    }

    /** Amount band: 0 below 10,000 yuan, then one band per doubling; -1 for a missing amount. */
    static int band(double amount) {
        if (Double.isNaN(amount)) {
            return -1;
        }
        if (amount < 10_000) {
            return 0;
        }
        double units = Math.min(amount / 10_000, 1e15);
        return Math.min(BANDS - 1, 64 - Long.numberOfLeadingZeros((long) units));
    }

    // ------------------------------------------------------------------------------------------------ products

    /**
     * Adds or replaces a product (any status: only PUBLISHED inside validity matches). Only its candidate needs are
     * scored; needs that held it and now score it lower are re-matched. @return needs whose top list changed
     */
    public synchronized List<String> upsertProduct(LoanProduct spec) {
        ProductState p = productState(spec.productId());
        if (p.spec != null && spec.version() < p.spec.version()) {
            return List.of();
        }
        p.spec = spec;
        compile(p);
        return reindexAndRematch(p);
    }

    /** Marks a product SUSPENDED or WITHDRAWN (a product event without the full product). */
    public synchronized List<String> changeProductStatus(String productId, String status, long version) {
        Integer slot = productSlots.get(productId);
        if (slot == null || products[slot].spec == null || version < products[slot].spec.version()) {
            return List.of();
        }
        ProductState p = products[slot];
        LoanProduct s = p.spec;
        p.spec = new LoanProduct(s.productId(), s.bankId(), s.name(), s.type(), s.minAmount(), s.maxAmount(),
                s.minTermMonths(), s.maxTermMonths(), s.minAnnualRate(), s.maxAnnualRate(), s.guaranteeTypes(),
                s.rules(), s.policyToolIds(), s.validFrom(), s.validTo(), status, version);
        compile(p);
        return reindexAndRematch(p);
    }

    /** Adds or replaces a policy tool; products using it are re-scored. @return needs whose top list changed */
    public synchronized List<String> upsertPolicyTool(PolicyTool tool) {
        tools.put(tool.policyToolId(), tool);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < productCount; i++) {
            ProductState p = products[i];
            if (p.spec != null && p.spec.policyToolIds() != null && p.spec.policyToolIds().contains(tool.policyToolId())) {
                compile(p);
                changed.addAll(reindexAndRematch(p));
            }
        }
        return changed.stream().distinct().toList();
    }

    private ProductState productState(String id) {
        Integer slot = productSlots.get(id);
        if (slot != null) {
            return products[slot];
        }
        int s = productCount++;
        if (s >= products.length) {
            int capacity = products.length * 2;
            products = Arrays.copyOf(products, capacity);
            int words = Bits.words(capacity);
            activeProducts = Arrays.copyOf(activeProducts, words);
            for (long[][] table : productsByDimension) {
                growRows(table, words);
            }
            growRows(productsRequiringTag, words);
            growRows(productsByGuarantee, words);
            growRows(productsByBand, words);
            productWords = words;
        }
        long[] id128 = idBits(id);
        ProductState p = new ProductState(s, id128[0], id128[1]);
        products[s] = p;
        productSlots.put(id, s);
        return p;
    }

    /** The product id as two unsigned longs, ordered like the canonical (lower-case) UUID text. */
    static long[] idBits(String id) {
        try {
            UUID u = UUID.fromString(id);
            return new long[] {u.getMostSignificantBits(), u.getLeastSignificantBits()};
        } catch (IllegalArgumentException notAUuid) {
            byte[] b = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            long high = 0;
            long low = 0;
            for (int i = 0; i < 16; i++) {
                long v = i < b.length ? b[i] & 0xff : 0;
                if (i < 8) {
                    high = (high << 8) | v;
                } else {
                    low = (low << 8) | v;
                }
            }
            return new long[] {high, low};
        }
    }

    private void compile(ProductState p) {
        LoanProduct s = p.spec;
        p.active = "PUBLISHED".equals(s.status()) && (s.validFrom() == null || !s.validFrom().isAfter(today))
                && (s.validTo() == null || !s.validTo().isBefore(today));
        List<CompiledRule> hard = new ArrayList<>();
        List<CompiledRule> pipeline = new ArrayList<>();
        List<CompiledRule> soft = new ArrayList<>();
        List<CompiledRule> softProgramme = new ArrayList<>();
        List<List<CompiledRule>> dims = new ArrayList<>();
        for (int d = 0; d < DIMENSIONS.length; d++) {
            dims.add(new ArrayList<>());
        }
        long required = 0;
        boolean hardProgramme = false;
        int softTotal = 0;
        List<Integer> weights = new ArrayList<>();
        for (Rule rule : s.rules() == null ? List.<Rule>of() : s.rules()) {
            CompiledRule r = compiler.compile(rule);
            boolean programme = r.field == Field.CLUSTER_CODE || r.field == Field.TAGS;
            if (rule.hard()) {
                hard.add(r);
                hardProgramme |= programme && r.valid();
                int d = dimensionOf(r.field);
                if (d >= 0 && r.valid()) {
                    dims.get(d).add(r);
                } else if (r instanceof CompiledRule.SetMatch m && m.field == Field.TAGS
                        && m.mode() == CompiledRule.SetMatch.Mode.ALL) {
                    required |= m.mask();
                } else {
                    pipeline.add(r);
                }
            } else {
                int w = Math.max(0, Math.min(100, rule.weight()));
                soft.add(r);
                weights.add(w);
                softTotal += w;
                if (programme) {
                    softProgramme.add(r);
                }
            }
        }
        p.hard = hard.toArray(CompiledRule[]::new);
        p.pipelineHard = pipeline.toArray(CompiledRule[]::new);
        p.soft = soft.toArray(CompiledRule[]::new);
        p.softWeights = weights.stream().mapToInt(Integer::intValue).toArray();
        p.softTotal = softTotal;
        p.softProgramme = softProgramme.toArray(CompiledRule[]::new);
        p.hardProgramme = hardProgramme;
        for (int d = 0; d < DIMENSIONS.length; d++) {
            p.dimensionRules[d] = dims.get(d).toArray(CompiledRule[]::new);
        }
        p.requiredTags = required;
        List<int[]> atLeast = new ArrayList<>();
        List<int[]> below = new ArrayList<>();
        for (CompiledRule r : pipeline) {
            int f = rangedOf(r.field);
            if (f >= 0 && r instanceof CompiledRule.NumberInterval interval && !interval.outside()) {
                double[] thresholds = THRESHOLDS[f];
                int low = -1;
                for (int j = 0; j < thresholds.length && thresholds[j] <= interval.low(); j++) {
                    low = j;
                }
                if (low >= 0) {
                    atLeast.add(new int[] {f, low});
                }
                for (int j = 0; j < thresholds.length; j++) {
                    if (thresholds[j] > interval.high()) {
                        below.add(new int[] {f, j});
                        break;
                    }
                }
            }
        }
        p.atLeast = atLeast.toArray(int[][]::new);
        p.below = below.toArray(int[][]::new);
        p.guaranteeMask = c.mask(Field.GUARANTEE_TYPES, s.guaranteeTypes());
        p.minAmount = s.minAmount() == null ? Double.NEGATIVE_INFINITY : s.minAmount().doubleValue();
        p.maxAmount = s.maxAmount() == null ? Double.POSITIVE_INFINITY : s.maxAmount().doubleValue();
        p.minTerm = s.minTermMonths() == null ? Double.NEGATIVE_INFINITY : s.minTermMonths();
        p.maxTerm = s.maxTermMonths() == null ? Double.POSITIVE_INFINITY : s.maxTermMonths();
        p.bandLow = s.minAmount() == null ? 0 : Math.max(0, band(p.minAmount));
        p.bandHigh = s.maxAmount() == null ? BANDS - 1 : Math.max(0, band(p.maxAmount));
        p.minRate = s.minAnnualRate() == null ? 0 : hundredths(s.minAnnualRate());
        int subsidy = 0;
        int policy = 0;
        boolean subsidised = false;
        boolean pooled = false;
        boolean guaranteed = false;
        List<PolicyTool> support = new ArrayList<>();
        for (String toolId : s.policyToolIds() == null ? List.<String>of() : s.policyToolIds()) {
            PolicyTool tool = tools.get(toolId);
            if (tool == null || !tool.usableOn(today)) {
                continue;
            }
            support.add(tool);
            switch (tool.kind() == null ? "" : tool.kind()) {
                case "INTEREST_SUBSIDY" -> {
                    subsidised = true;
                    subsidy += tool.subsidyRate() == null ? 0 : hundredths(tool.subsidyRate());
                }
                case "RISK_POOL" -> pooled = true;
                case "GOVERNMENT_GUARANTEE" -> guaranteed = true;
                default -> {
                }
            }
        }
        policy += subsidised ? 300 : 0;
        policy += pooled ? 200 : 0;
        policy += guaranteed ? 200 : 0;
        p.subsidy = subsidy;
        p.effectiveRate = Math.max(0, p.minRate - subsidy);
        p.policyPoints = policy;
        p.support = support;
        for (int d = 0; d < DIMENSIONS.length; d++) {
            splitKeys(p, d);
        }
    }

    private static int rangedOf(Field f) {
        for (int i = 0; i < RANGED.length; i++) {
            if (RANGED[i] == f) {
                return i;
            }
        }
        return -1;
    }

    private static double[] geometric(double first, double factor, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = first * Math.pow(factor, i);
        }
        return t;
    }

    private static double[] linear(double first, double step, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = first + step * i;
        }
        return t;
    }

    private static int dimensionOf(Field f) {
        for (int d = 0; d < DIMENSIONS.length; d++) {
            if (DIMENSIONS[d] == f) {
                return d;
            }
        }
        return -1;
    }

    private boolean accepts(ProductState p, int d, int key) {
        for (CompiledRule r : p.dimensionRules[d]) {
            if (!r.acceptsCode(key - 1)) {
                return false;
            }
        }
        return true;
    }

    private void splitKeys(ProductState p, int d) {
        if (!p.constrains(d)) {
            p.allowedKeys[d] = new int[0];
            p.deniedKeys[d] = new int[0];
            return;
        }
        int[] allowed = new int[dimensionKeys[d]];
        int[] denied = new int[dimensionKeys[d]];
        int a = 0;
        int n = 0;
        for (int key = 0; key < dimensionKeys[d]; key++) {
            if (accepts(p, d, key)) {
                allowed[a++] = key;
            } else {
                denied[n++] = key;
            }
        }
        p.allowedKeys[d] = Arrays.copyOf(allowed, a);
        p.deniedKeys[d] = Arrays.copyOf(denied, n);
    }

    private void indexProduct(ProductState p) {
        int slot = p.slot;
        boolean on = p.active;
        Bits.set(activeProducts, slot, on);
        for (int d = 0; d < DIMENSIONS.length; d++) {
            for (int key = 0; key < dimensionKeys[d]; key++) {
                Bits.set(productsByDimension[d][key], slot, on && accepts(p, d, key));
            }
        }
        long required = 0;
        for (int t = 0; t < 64; t++) {
            boolean requires = on && (p.requiredTags & (1L << t)) != 0;
            if (requires || productsRequiringTag[t] != null) {
                Bits.set(productRow(productsRequiringTag, t), slot, requires);
            }
            if (productsByGuarantee[t] != null || (on && (p.guaranteeMask & (1L << t)) != 0)) {
                Bits.set(productRow(productsByGuarantee, t), slot, on && (p.guaranteeMask & (1L << t)) != 0);
            }
        }
        for (int b = 0; b < BANDS; b++) {
            boolean covers = on && b >= p.bandLow && b <= p.bandHigh;
            if (covers || productsByBand[b] != null) {
                Bits.set(productRow(productsByBand, b), slot, covers);
            }
        }
        for (int t = 0; t < 64; t++) {
            if (productsRequiringTag[t] != null && !Bits.isEmpty(productsRequiringTag[t], productWords)) {
                required |= 1L << t;
            }
        }
        requiredTagsOfAnyProduct = required;
    }

    private long[] productRow(long[][] table, int key) {
        if (table[key] == null) {
            table[key] = new long[productWords];
        }
        return table[key];
    }

    private List<String> reindexAndRematch(ProductState p) {
        indexProduct(p);
        if (deferred) {
            return List.of();
        }
        int slot = p.slot;
        // needs that hold this product now, with the score they hold it at
        int[] holders = new int[16];
        int[] heldScores = new int[16];
        int held = 0;
        for (int w = 0; w < needWords; w++) {
            for (long bits = openNeeds[w]; bits != 0; bits &= bits - 1) {
                int need = (w << 6) + Long.numberOfTrailingZeros(bits);
                int base = need * topSize;
                for (int k = 0; k < topCount[need]; k++) {
                    if (topProduct[base + k] == slot) {
                        if (held == holders.length) {
                            holders = Arrays.copyOf(holders, held * 2);
                            heldScores = Arrays.copyOf(heldScores, held * 2);
                        }
                        holders[held] = need;
                        heldScores[held++] = topScore[base + k];
                        break;
                    }
                }
            }
        }
        // the product's new scores over its candidate needs, in need order
        Collector scores = new Collector();
        if (p.active) {
            Scratch s = scratch;
            s.ensure(needWords);
            scoreProduct(p, 0, needWords, s, scores);
        }
        List<String> changed = new ArrayList<>();
        int h = 0;
        for (int i = 0; i < scores.size; i++) {
            int need = scores.needs[i];
            while (h < held && holders[h] < need) {
                if (dropOrRematch(holders[h], slot, heldScores[h], -1)) {
                    changed.add(needIds[holders[h]]);
                }
                h++;
            }
            if (h < held && holders[h] == need) {
                if (dropOrRematch(need, slot, heldScores[h], scores.scores[i])) {
                    changed.add(needIds[need]);
                }
                h++;
            } else if (offer(need, slot, scores.scores[i])) {
                changed.add(needIds[need]);
            }
        }
        for (; h < held; h++) {
            if (dropOrRematch(holders[h], slot, heldScores[h], -1)) {
                changed.add(needIds[holders[h]]);
            }
        }
        return changed;
    }

    /** A need held the product at {@code oldScore}; it now scores {@code newScore} (-1: not eligible). */
    private boolean dropOrRematch(int need, int product, int oldScore, int newScore) {
        if (newScore == oldScore) {
            return false;
        }
        if (newScore > oldScore) {
            removeFromTop(need, product);
            offer(need, product, newScore);
            return true;
        }
        return rematchNeed(need);
    }

    // ------------------------------------------------------------------------------------------------ declines

    /**
     * Marks whether a bank declined the enterprise's application for this need and product: a declined product is not
     * recommended (nor a near miss) for that need again. @return needs whose top list changed
     */
    public synchronized List<String> declineProduct(String needId, String productId, boolean declined) {
        if (!this.declined.mark(needId, productId, declined)) {
            return List.of();
        }
        Integer need = needSlots.get(needId);
        return need != null && rematchNeed(need) ? List.of(needId) : List.of();
    }

    // ------------------------------------------------------------------------------------------------ offers

    /** Adds or replaces an IPO-training offer (matched on read, per need). */
    public synchronized void upsertTrainingOffer(TrainingOffer offer) {
        List<CompiledRule> hard = new ArrayList<>();
        List<CompiledRule> soft = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (Rule rule : offer.rules() == null ? List.<Rule>of() : offer.rules()) {
            CompiledRule r = compiler.compile(rule);
            if (rule.hard()) {
                hard.add(r);
            } else {
                soft.add(r);
                weights.add(Math.max(0, Math.min(100, rule.weight())));
            }
        }
        offers.put(offer.offerId(), new CompiledOffer(offer, hard, soft, weights));
    }

    public synchronized void closeTrainingOffer(String offerId) {
        CompiledOffer o = offers.get(offerId);
        if (o != null) {
            TrainingOffer t = o.offer;
            offers.put(offerId, new CompiledOffer(new TrainingOffer(t.offerId(), t.organiser(), t.title(), t.format(),
                    t.startsOn(), t.endsOn(), t.seats(), t.seatsLeft(), t.rules(), "CLOSED"), o.hard, o.soft, o.weights));
        }
    }

    private record CompiledOffer(TrainingOffer offer, List<CompiledRule> hard, List<CompiledRule> soft,
            List<Integer> weights) {
    }

    // ------------------------------------------------------------------------------------------------ matching

    /** Re-matches one need against its candidate products. @return true when its top list changed */
    private boolean rematchNeed(int need) {
        if (deferred) {
            return false;
        }
        int oldCount = topCount[need];
        int base = need * topSize;
        int[] oldProducts = Arrays.copyOfRange(topProduct, base, base + oldCount);
        int[] oldScores = Arrays.copyOfRange(topScore, base, base + oldCount);
        topCount[need] = 0;
        if (Bits.get(openNeeds, need)) {
            long[] candidates = candidateProducts(need, scratch);
            for (int w = 0; w < productWords; w++) {
                for (long bits = candidates[w]; bits != 0; bits &= bits - 1) {
                    ProductState p = products[(w << 6) + Long.numberOfTrailingZeros(bits)];
                    int score = evaluate(p, need, scratch);
                    if (score >= 0) {
                        offer(need, p.slot, score);
                    }
                }
            }
        }
        if (topCount[need] != oldCount) {
            return true;
        }
        for (int k = 0; k < oldCount; k++) {
            if (topProduct[base + k] != oldProducts[k] || topScore[base + k] != oldScores[k]) {
                return true;
            }
        }
        return false;
    }

    /** The products whose index lets this need through (need-major candidate generation). */
    private long[] candidateProducts(int need, Scratch s) {
        int n = productWords;
        s.ensureProducts(n);
        long[] w = s.productWords;
        long[] tmp = s.productTmp;
        Bits.copy(activeProducts, 0, w, n);
        for (int d = 0; d < DIMENSIONS.length; d++) {
            Bits.and(w, productsByDimension[d][dimensionKey(d, need)], 0, n);
        }
        long missingTags = requiredTagsOfAnyProduct & ~c.sets(Field.TAGS)[need];
        for (long m = missingTags; m != 0; m &= m - 1) {
            Bits.andNot(w, productsRequiringTag[Long.numberOfTrailingZeros(m)], n);
        }
        Arrays.fill(tmp, 0, n, 0);
        for (long m = c.sets(Field.GUARANTEE_TYPES)[need]; m != 0; m &= m - 1) {
            long[] row = productsByGuarantee[Long.numberOfTrailingZeros(m)];
            if (row != null) {
                Bits.or(tmp, row, 0, n);
            }
        }
        Bits.and(w, tmp, n);
        int band = band(c.numbers(Field.AMOUNT)[need]);
        if (band < 0 || productsByBand[band] == null) {
            Arrays.fill(w, 0, n, 0);
        } else {
            Bits.and(w, productsByBand[band], 0, n);
        }
        for (String productId : declined.productsOf(needIds[need])) {
            Integer product = productSlots.get(productId);
            if (product != null) {
                Bits.set(w, product, false);
            }
        }
        return w;
    }

    /** One (need, product) pair through the same pipeline as a batch: the score, or -1 when not eligible. */
    private int evaluate(ProductState p, int need, Scratch s) {
        s.candidates[0] = need;
        return pipeline(p, s.candidates, 1, s) == 1 ? s.scores[0] : -1;
    }

    /**
     * Product-major scoring of need words [from, to): candidate needs from the need index, then the exact amount
     * range and the remaining hard rules as column filters, then the score; every eligible need goes to the sink.
     */
    private void scoreProduct(ProductState p, int from, int to, Scratch s, Sink sink) {
        scoreProduct(p, from, to, s, sink, false);
    }

    /**
     * With {@code prune}, a candidate need whose top list is full is skipped when even the product's best possible
     * score for it (every soft rule passing; term, rate and guarantee points exact or rounded up) is below the list's
     * worst — exact, as the bound is never below the real score; this is what lets a full re-match score few of the
     * eligible pairs.
     */
    private void scoreProduct(ProductState p, int from, int to, Scratch s, Sink sink, boolean prune) {
        int n = to - from;
        if (!candidateNeeds(p, from, n, s)) {
            return;
        }
        long[] w = s.needWords;
        int[] candidates = s.candidates;
        int count = 0;
        int optimistic = p.policyPoints + (p.hardProgramme ? 500 : 0) + (p.softTotal == 0 ? 2500 : 5000)
                + (!p.hardProgramme && p.softProgramme.length > 0 ? 500 : 0);
        double[] terms = c.needNum[Field.TERM_MONTHS.column()];
        long[] guarantees = c.needSet[Field.GUARANTEE_TYPES.column()];
        int rate = p.effectiveRate;
        double minTerm = p.minTerm;
        double maxTerm = p.maxTerm;
        long mask = p.guaranteeMask;
        float[] slopes = rateSlope;
        int k = topSize;
        for (int i = 0; i < n; i++) {
            for (long bits = w[i]; bits != 0; bits &= bits - 1) {
                int need = ((from + i) << 6) + Long.numberOfTrailingZeros(bits);
                candidates[count] = need;
                if (prune) {
                    // an upper bound of the score (every soft rule passing; a missing term or rate cap as the best
                    // case), computed without branches: a mispredicted branch per candidate costs more than the sums
                    int worst = topCount[need] == k ? topScore[need * k + k - 1] : Integer.MIN_VALUE;
                    int cap = rateCap[need];
                    double term = terms[need];
                    long g = guarantees[need];
                    int bound = optimistic + (rate > cap & cap >= 0 ? 0 : 2000 - (int) (rate * slopes[need]))
                            + ((term >= minTerm & term <= maxTerm) | term != term ? 1000 : 0)
                            + guaranteePoints(g, g & mask);
                    count += bound >= worst ? 1 : 0;
                } else {
                    count++;
                }
                if (count == CHUNK) {
                    int eligible = pipeline(p, candidates, count, s);
                    sink.accept(p, candidates, s.scores, eligible);
                    count = 0;
                }
            }
        }
        if (count > 0) {
            int eligible = pipeline(p, candidates, count, s);
            sink.accept(p, candidates, s.scores, eligible);
        }
    }

    /**
     * The needs of words [from, from + n) that the need index lets through for a product, into s.needWords.
     * @return false when none can be
     */
    private boolean candidateNeeds(ProductState p, int from, int n, Scratch s) {
        long[] w = s.needWords;
        long[] tmp = s.needTmp;
        Bits.copy(openNeeds, from, w, n);
        for (int d = 0; d < DIMENSIONS.length; d++) {
            if (!p.constrains(d)) {
                continue;
            }
            int[] allowed = p.allowedKeys[d];
            int[] denied = p.deniedKeys[d];
            Arrays.fill(tmp, 0, n, 0);
            if (allowed.length <= denied.length) {
                for (int key : allowed) {
                    Bits.or(tmp, needsByDimension[d][key], from, n);
                }
                Bits.and(w, tmp, n);
            } else {
                for (int key : denied) {
                    Bits.or(tmp, needsByDimension[d][key], from, n);
                }
                Bits.andNot(w, tmp, n);
            }
        }
        for (long m = p.requiredTags; m != 0; m &= m - 1) {
            long[] row = needsByTag[Long.numberOfTrailingZeros(m)];
            if (row == null) {
                return false;
            }
            Bits.and(w, row, from, n);
        }
        // ordered fields: a superset of the needs the rule lets through (the rule itself runs in the pipeline)
        for (int[] r : p.atLeast) {
            long[] row = needsAtLeast[r[0]][r[1]];
            if (row == null) {
                return false;
            }
            Bits.and(w, row, from, n);
        }
        for (int[] r : p.below) {
            long[] row = needsAtLeast[r[0]][r[1]];
            if (row != null) {
                Bits.andNot(w, row, from, n);
            }
        }
        Arrays.fill(tmp, 0, n, 0);
        for (long m = p.guaranteeMask; m != 0; m &= m - 1) {
            long[] row = needsByGuarantee[Long.numberOfTrailingZeros(m)];
            if (row != null) {
                Bits.or(tmp, row, from, n);
            }
        }
        Bits.and(w, tmp, n);
        Arrays.fill(tmp, 0, n, 0);
        for (int b = p.bandLow; b <= p.bandHigh; b++) {
            if (needsByBand[b] != null) {
                Bits.or(tmp, needsByBand[b], from, n);
            }
        }
        Bits.and(w, tmp, n);
        int first = from << 6;
        int end = (from + n) << 6;
        for (String needId : declined.needsOf(p.spec.productId())) {
            Integer need = needSlots.get(needId);
            if (need != null && need >= first && need < end) {
                Bits.set(w, need - first, false);
            }
        }
        return true;
    }

    /**
     * Filters candidates[0..n) to the eligible ones and scores them into s.scores; returns how many. Besides the hard
     * rules, what the enterprise asked for is a hard check: the amount inside the product's range, the need's term
     * (when it states one) inside the product's term range, the estimated rate at or below the need's maximum (when it
     * states one).
     */
    private int pipeline(ProductState p, int[] candidates, int n, Scratch s) {
        double[] amounts = c.needNum[Field.AMOUNT.column()];
        double[] terms = c.needNum[Field.TERM_MONTHS.column()];
        int[] caps = rateCap;
        double low = p.minAmount;
        double high = p.maxAmount;
        double minTerm = p.minTerm;
        double maxTerm = p.maxTerm;
        int rate = p.effectiveRate;
        int kept = 0;
        for (int k = 0; k < n; k++) {
            int need = candidates[k];
            double a = amounts[need];
            double term = terms[need];
            int cap = caps[need];
            if (a >= low && a <= high && (term != term || (term >= minTerm && term <= maxTerm))
                    && (cap < 0 || rate <= cap)) {
                candidates[kept++] = need;
            }
        }
        n = kept;
        for (CompiledRule r : p.pipelineHard) {
            if (n == 0) {
                return 0;
            }
            n = r.filter(c, candidates, n);
        }
        if (n > 0) {
            score(p, candidates, n, s);
        }
        return n;
    }

    private void score(ProductState p, int[] candidates, int n, Scratch s) {
        int[] soft = s.soft;
        Arrays.fill(soft, 0, n, 0);
        for (int i = 0; i < p.soft.length; i++) {
            p.soft[i].addWhenPassing(c, candidates, n, soft, p.softWeights[i]);
        }
        int[] programme = s.programme;
        boolean softProgramme = !p.hardProgramme && p.softProgramme.length > 0;
        if (softProgramme) {
            Arrays.fill(programme, 0, n, 0);
            for (CompiledRule r : p.softProgramme) {
                r.addWhenPassing(c, candidates, n, programme, 1);
            }
        }
        double[] terms = c.needNum[Field.TERM_MONTHS.column()];
        long[] guarantees = c.needSet[Field.GUARANTEE_TYPES.column()];
        int[] caps = rateCap;
        int[] out = s.scores;
        int fixed = p.policyPoints + (p.hardProgramme ? 500 : 0);
        for (int k = 0; k < n; k++) {
            int need = candidates[k];
            int score = fixed + (p.softTotal == 0 ? 2500 : (int) ((long) soft[k] * 5000 / p.softTotal));
            double term = terms[need];
            score += Double.isNaN(term) ? 500 : term >= p.minTerm && term <= p.maxTerm ? 1000 : 0;
            score += ratePoints(p.effectiveRate, caps[need]);
            long g = guarantees[need];
            score += guaranteePoints(g, g & p.guaranteeMask);
            if (softProgramme && programme[k] > 0) {
                score += 500;
            }
            out[k] = score;
        }
    }

    /** Guarantee points (hundredths): 8 × the share of the need's guarantee types the product accepts. */
    static int guaranteePoints(long needTypes, long accepted) {
        return GUARANTEE_POINTS[Long.bitCount(needTypes) * 65 + Long.bitCount(accepted)];
    }

    /**
     * Rate points (hundredths): 10–20 points at or below the cap, 10 when there is no cap; 0 above it (never scored:
     * a rate above the need's maximum makes the pair ineligible).
     */
    static int ratePoints(int effectiveRate, int cap) {
        if (cap < 0) {
            return 1000;
        }
        if (effectiveRate > cap) {
            return 0;
        }
        if (cap == 0) {
            return 2000;
        }
        // a double division is exact here (both operands are small integers) and much cheaper than a long one
        return 1000 + (int) ((double) (1000L * (cap - effectiveRate)) / cap);
    }

    /** Offers a (product, score) to a need's top list. @return true when the list changed */
    private boolean offer(int need, int product, int score) {
        int base = need * topSize;
        int count = topCount[need];
        if (count == topSize && !better(score, product, topScore[base + count - 1], topProduct[base + count - 1])) {
            return false;
        }
        int pos = count == topSize ? count - 1 : count;
        while (pos > 0 && better(score, product, topScore[base + pos - 1], topProduct[base + pos - 1])) {
            topScore[base + pos] = topScore[base + pos - 1];
            topProduct[base + pos] = topProduct[base + pos - 1];
            pos--;
        }
        topScore[base + pos] = score;
        topProduct[base + pos] = product;
        if (count < topSize) {
            topCount[need] = (byte) (count + 1);
        }
        return true;
    }

    private void removeFromTop(int need, int product) {
        int base = need * topSize;
        int count = topCount[need];
        for (int k = 0; k < count; k++) {
            if (topProduct[base + k] == product) {
                System.arraycopy(topProduct, base + k + 1, topProduct, base + k, count - k - 1);
                System.arraycopy(topScore, base + k + 1, topScore, base + k, count - k - 1);
                topCount[need] = (byte) (count - 1);
                return;
            }
        }
    }

    /** Higher score first; equal scores by product id ascending. */
    private boolean better(int score, int product, int otherScore, int otherProduct) {
        if (score != otherScore) {
            return score > otherScore;
        }
        ProductState a = products[product];
        ProductState b = products[otherProduct];
        int high = Long.compareUnsigned(a.idHigh, b.idHigh);
        return high != 0 ? high < 0 : Long.compareUnsigned(a.idLow, b.idLow) < 0;
    }

    /**
     * Re-matches every open need against every product it can match, in parallel over disjoint need ranges.
     * @return needs whose top list changed
     */
    public synchronized List<String> rematchAll(Progress progress) {
        deferred = false;
        int[] oldProducts = Arrays.copyOf(topProduct, needHighWater * topSize);
        int[] oldScores = Arrays.copyOf(topScore, needHighWater * topSize);
        byte[] oldCounts = Arrays.copyOf(topCount, needHighWater);
        Arrays.fill(topCount, (byte) 0);
        List<ProductState> active = new ArrayList<>();
        for (int i = 0; i < productCount; i++) {
            if (products[i].active) {
                active.add(products[i]);
            }
        }
        // most promising first, so that top lists fill with high scores early and later products are mostly pruned
        active.sort((a, b) -> {
            int pa = potential(a);
            int pb = potential(b);
            return pa != pb ? Integer.compare(pb, pa) : Integer.compare(a.slot, b.slot);
        });
        // cache blocking: a block of needs stays in cache while every product runs over it; blocks go to the threads
        int usedWords = Bits.words(needHighWater);
        int blocks = Math.max(1, (usedWords + BLOCK_WORDS - 1) / BLOCK_WORDS);
        int samples = Math.min(blocks, SAMPLE_BLOCKS);
        int[] sample = new int[samples];
        int[] rest = new int[blocks - samples];
        for (int b = 0, i = 0, r = 0; b < blocks; b++) {
            if (i < samples && b == (int) ((long) i * blocks / samples)) {
                sample[i++] = b;
            } else {
                rest[r++] = b;
            }
        }
        BlockRun run = new BlockRun(usedWords, (long) blocks * active.size(), progress);
        ExecutorService pool = threads <= 1 || blocks == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rematch");
            t.setDaemon(true);
            return t;
        });
        try {
            // a sample of blocks first; the products that win their top lists most often then go first everywhere else
            run.blocks(sample, active, pool);
            int[] wins = new int[productCount];
            for (int b : sample) {
                for (int need = b * BLOCK_WORDS * 64; need < Math.min(needHighWater, (b + 1) * BLOCK_WORDS * 64); need++) {
                    for (int k = 0; k < topCount[need]; k++) {
                        wins[topProduct[need * topSize + k]]++;
                    }
                }
            }
            List<ProductState> order = new ArrayList<>(active);
            order.sort((a, b) -> wins[a.slot] != wins[b.slot] ? Integer.compare(wins[b.slot], wins[a.slot]) : 0);
            run.blocks(rest, order, pool);
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        if (progress != null) {
            progress.update(run.total, run.total);
        }
        List<String> changed = new ArrayList<>();
        for (int need = 0; need < needHighWater; need++) {
            if (needIds[need] == null) {
                continue;
            }
            int base = need * topSize;
            boolean same = oldCounts[need] == topCount[need];
            for (int k = 0; same && k < topCount[need]; k++) {
                same = oldProducts[base + k] == topProduct[base + k] && oldScores[base + k] == topScore[base + k];
            }
            if (!same) {
                changed.add(needIds[need]);
            }
        }
        return changed;
    }

    /** Runs every product over need blocks, each block on one thread (blocks are disjoint, so are their top lists). */
    private final class BlockRun {
        final int usedWords;
        final long total;
        final Progress progress;
        final AtomicLong done = new AtomicLong();
        final Sink offerAll = MatchingEngine.this::offerAll;

        BlockRun(int usedWords, long total, Progress progress) {
            this.usedWords = usedWords;
            this.total = total;
            this.progress = progress;
        }

        void blocks(int[] ids, List<ProductState> order, ExecutorService pool) {
            AtomicInteger next = new AtomicInteger();
            Runnable work = () -> {
                Scratch s = new Scratch();
                s.ensure(Math.min(BLOCK_WORDS, usedWords));
                for (int i = next.getAndIncrement(); i < ids.length; i = next.getAndIncrement()) {
                    int from = ids[i] * BLOCK_WORDS;
                    int to = Math.min(usedWords, from + BLOCK_WORDS);
                    for (ProductState p : order) {
                        scoreProduct(p, from, to, s, offerAll, true);
                    }
                    long d = done.addAndGet(order.size());
                    if (progress != null) {
                        progress.update(d, total);
                    }
                }
            };
            if (pool == null) {
                work.run();
                return;
            }
            try {
                List<Future<?>> parts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    parts.add(pool.submit(work));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("re-match interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("re-match failed", e.getCause());
            }
        }
    }

    /** A need-independent guess of how well a product scores (ordering only). */
    private static int potential(ProductState p) {
        return p.policyPoints + (p.hardProgramme ? 500 : 0) + (p.softTotal == 0 ? 2500 : 3750) - 2 * p.effectiveRate;
    }

    private void offerAll(ProductState p, int[] needs, int[] scores, int n) {
        for (int k = 0; k < n; k++) {
            offer(needs[k], p.slot, scores[k]);
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** The current top list of an open need (empty for an unknown need). */
    public synchronized List<RankedProduct> topList(String needId) {
        Integer need = needSlots.get(needId);
        if (need == null) {
            return List.of();
        }
        List<RankedProduct> list = new ArrayList<>();
        int base = need * topSize;
        for (int k = 0; k < topCount[need]; k++) {
            ProductState p = products[topProduct[base + k]];
            list.add(new RankedProduct(p.spec.productId(), p.spec.bankId(), points(topScore[base + k])));
        }
        return list;
    }

    public synchronized boolean isOpen(String needId) {
        return needSlots.containsKey(needId);
    }

    public synchronized String enterpriseOf(String needId) {
        Integer need = needSlots.get(needId);
        return need == null ? null : enterpriseIds[c.needEnterprise[need]];
    }

    /** The open needs of an enterprise, in id order. */
    public synchronized List<String> openNeedsOf(String enterpriseId) {
        Integer e = enterpriseSlots.get(enterpriseId);
        List<String> ids = new ArrayList<>();
        if (e != null) {
            for (int need = firstNeedOf[e]; need >= 0; need = nextNeed[need]) {
                ids.add(needIds[need]);
            }
        }
        ids.sort(null);
        return ids;
    }

    /** Every open need id (for comparing with what was published). */
    public synchronized List<String> openNeeds() {
        List<String> ids = new ArrayList<>(needSlots.keySet());
        ids.sort(null);
        return ids;
    }

    public synchronized int openNeedCount() {
        return needSlots.size();
    }

    public synchronized int productCount() {
        return productCount;
    }

    /** Explains a need's recommendation: reasons of its top products, near misses, training offers. */
    public synchronized Recommendation recommend(String needId) {
        Integer slot = needSlots.get(needId);
        if (slot == null) {
            return null;
        }
        int need = slot;
        List<Recommendation.RecommendedProduct> top = new ArrayList<>();
        int base = need * topSize;
        boolean[] inTop = new boolean[productCount];
        for (int k = 0; k < topCount[need]; k++) {
            ProductState p = products[topProduct[base + k]];
            inTop[p.slot] = true;
            top.add(new Recommendation.RecommendedProduct(p.spec.productId(), p.spec.bankId(), p.spec.name(),
                    points(topScore[base + k]), reasons(p, need), support(p), rate(p.effectiveRate), null));
        }
        List<NearMissCandidate> near = new ArrayList<>();
        for (int i = 0; i < productCount; i++) {
            ProductState p = products[i];
            if (!p.active || inTop[i] || declined.contains(needId, p.spec.productId())) {
                continue;
            }
            List<Message> failed = failedHardRules(p, need);
            if (!failed.isEmpty() && failed.size() <= MAX_FAILED_FOR_NEAR_MISS) {
                near.add(new NearMissCandidate(p, failed));
            }
        }
        // fewest failed checks first; then the products that already fit on more checks; then by product id
        near.sort((a, b) -> a.failed.size() != b.failed.size() ? Integer.compare(a.failed.size(), b.failed.size())
                : a.product.hard.length != b.product.hard.length
                        ? Integer.compare(b.product.hard.length, a.product.hard.length)
                        : better(0, a.product.slot, 0, b.product.slot) ? -1 : 1);
        List<Recommendation.NearMiss> nearMisses = near.stream().limit(NEAR_MISS_LIMIT)
                .map(m -> new Recommendation.NearMiss(m.product.spec.productId(), m.product.spec.bankId(),
                        m.product.spec.name(), m.failed))
                .toList();
        return new Recommendation(needId, enterpriseIds[c.needEnterprise[need]], projectIds[need], top, nearMisses,
                trainingOffers(need));
    }

    private record NearMissCandidate(ProductState product, List<Message> failed) {
    }

    /**
     * The hard checks a product fails for a need, as messages: amount range, guarantee types, the need's term and
     * maximum rate, hard rules.
     */
    private List<Message> failedHardRules(ProductState p, int need) {
        List<Message> failed = new ArrayList<>();
        double amount = c.numbers(Field.AMOUNT)[need];
        if (!(amount >= p.minAmount && amount <= p.maxAmount)) {
            failed.add(Message.of("融资金额需在 " + range(p.spec.minAmount(), p.spec.maxAmount()) + " 元之间",
                    "The amount must be between " + range(p.spec.minAmount(), p.spec.maxAmount()) + " yuan"));
        }
        if ((c.sets(Field.GUARANTEE_TYPES)[need] & p.guaranteeMask) == 0) {
            String types = String.join(", ", p.spec.guaranteeTypes() == null ? List.of() : p.spec.guaranteeTypes());
            failed.add(Message.of("需提供以下担保方式之一：" + types, "Needs one of these guarantee types: " + types));
        }
        double term = c.numbers(Field.TERM_MONTHS)[need];
        if (!Double.isNaN(term) && !(term >= p.minTerm && term <= p.maxTerm)) {
            String months = range(p.spec.minTermMonths(), p.spec.maxTermMonths());
            failed.add(Message.of("期限 " + (long) term + " 个月不在产品期限范围内（" + months + " 个月）",
                    "A term of " + (long) term + " months is outside the product's range (" + months + " months)"));
        }
        int cap = rateCap[need];
        if (cap >= 0 && p.effectiveRate > cap) {
            String rate = percent(p.effectiveRate);
            failed.add(Message.of("年利率 " + rate + "% 高于您可接受的 " + percent(cap) + "%",
                    "Annual rate " + rate + "% above your maximum of " + percent(cap) + "%"));
        }
        for (CompiledRule r : p.hard) {
            if (failed.size() > MAX_FAILED_FOR_NEAR_MISS) {
                break;
            }
            if (!r.test(c, need)) {
                failed.add(r.rule.messageOrDefault());
            }
        }
        return failed;
    }

    private List<Message> reasons(ProductState p, int need) {
        List<Message> reasons = new ArrayList<>();
        for (CompiledRule r : p.hard) {
            if (r.rule.message() != null) {
                reasons.add(r.rule.messageOrDefault());
            }
        }
        for (CompiledRule r : p.soft) {
            if (r.test(c, need)) {
                reasons.add(r.rule.messageOrDefault());
            }
        }
        reasons.add(Message.of("金额在产品额度范围内（" + range(p.spec.minAmount(), p.spec.maxAmount()) + " 元）",
                "Amount within the product's range (" + range(p.spec.minAmount(), p.spec.maxAmount()) + " yuan)"));
        // a recommended product fits the need's term and maximum rate (both are hard checks, see pipeline)
        if (!Double.isNaN(c.numbers(Field.TERM_MONTHS)[need])) {
            reasons.add(Message.of("期限在产品期限范围内", "Term within the product's range"));
        }
        int cap = rateCap[need];
        if (cap >= 0) {
            String rate = percent(p.effectiveRate);
            reasons.add(Message.of("预计年利率 " + rate + "% 不高于您可接受的 " + percent(cap) + "%",
                    "Estimated annual rate " + rate + "% within your maximum of " + percent(cap) + "%"));
        }
        List<String> overlap = new ArrayList<>();
        long shared = c.sets(Field.GUARANTEE_TYPES)[need] & p.guaranteeMask;
        for (long m = shared; m != 0; m &= m - 1) {
            overlap.add(c.dictionary(Field.GUARANTEE_TYPES).value(Long.numberOfTrailingZeros(m)));
        }
        reasons.add(Message.of("接受您的担保方式：" + String.join(", ", overlap),
                "Accepts your guarantee types: " + String.join(", ", overlap)));
        for (PolicyTool tool : p.support) {
            switch (tool.kind() == null ? "" : tool.kind()) {
                case "INTEREST_SUBSIDY" -> reasons.add(Message.of(
                        "享受政府贴息 " + plain(tool.subsidyRate()) + " 个百分点（" + tool.name() + "）",
                        "Government interest subsidy of " + plain(tool.subsidyRate()) + " points (" + tool.name() + ")"));
                case "RISK_POOL" -> reasons.add(Message.of("风险补偿资金池支持（" + tool.name() + "）",
                        "Backed by a risk-compensation pool (" + tool.name() + ")"));
                case "GOVERNMENT_GUARANTEE" -> reasons.add(Message.of("政策性融资担保支持（" + tool.name() + "）",
                        "Government financing guarantee available (" + tool.name() + ")"));
                default -> {
                }
            }
        }
        return reasons;
    }

    private List<Recommendation.PolicySupport> support(ProductState p) {
        return p.support.stream().map(t -> new Recommendation.PolicySupport(t.policyToolId(), t.kind(), t.name(),
                t.subsidyRate())).toList();
    }

    /**
     * The IPO-training offers for an enterprise regardless of its needs (its listing readiness): those open for
     * enrolment whose entry rules its profile passes; a rule on a financing-need field never passes here.
     */
    public synchronized List<Recommendation.OfferMatch> listingReadiness(String enterpriseId) {
        Integer enterprise = enterpriseSlots.get(enterpriseId);
        if (enterprise == null) {
            return List.of();
        }
        if (probeRow < 0) {
            probeRow = allocateNeedSlot();
            c.clearNeed(probeRow);
        }
        c.copyEnterprise(enterprise, probeRow);
        return trainingOffers(probeRow);
    }

    /** Open for enrolment today: OPEN, a seat left (unknown seats count as left) and not ended before today. */
    private boolean enrollable(TrainingOffer o) {
        return "OPEN".equals(o.status()) && (o.seatsLeft() == null || o.seatsLeft() > 0)
                && (o.endsOn() == null || !o.endsOn().isBefore(today));
    }

    private List<Recommendation.OfferMatch> trainingOffers(int need) {
        List<Recommendation.OfferMatch> matches = new ArrayList<>();
        for (CompiledOffer o : offers.values()) {
            if (!enrollable(o.offer)) {
                continue;
            }
            boolean eligible = true;
            List<Message> reasons = new ArrayList<>();
            for (CompiledRule r : o.hard) {
                if (!r.test(c, need)) {
                    eligible = false;
                    break;
                }
                reasons.add(r.rule.messageOrDefault());
            }
            if (!eligible) {
                continue;
            }
            int total = 0;
            int passed = 0;
            for (int i = 0; i < o.soft.size(); i++) {
                total += o.weights.get(i);
                if (o.soft.get(i).test(c, need)) {
                    passed += o.weights.get(i);
                    reasons.add(o.soft.get(i).rule.messageOrDefault());
                }
            }
            int score = total == 0 ? 10000 : (int) (10000L * passed / total);
            matches.add(new Recommendation.OfferMatch(o.offer.offerId(), o.offer.title(), points(score), reasons));
        }
        matches.sort((a, b) -> a.score().compareTo(b.score()) != 0 ? b.score().compareTo(a.score())
                : a.offerId().compareTo(b.offerId()));
        return matches.size() > MAX_OFFERS ? List.copyOf(matches.subList(0, MAX_OFFERS)) : matches;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static BigDecimal points(int hundredths) {
        return BigDecimal.valueOf(hundredths, 2);
    }

    static BigDecimal rate(int hundredths) {
        return BigDecimal.valueOf(hundredths, 2);
    }

    static int hundredths(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).unscaledValue().intValueExact();
    }

    /** A rate in hundredths as text with at least one decimal: 520 → "5.2", 500 → "5.0", 345 → "3.45". */
    static String percent(int hundredths) {
        BigDecimal v = rate(hundredths).stripTrailingZeros();
        return v.scale() < 1 ? v.setScale(1).toPlainString() : v.toPlainString();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "0" : v.stripTrailingZeros().toPlainString();
    }

    private static String range(Object low, Object high) {
        String l = low instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : low == null ? "0" : low.toString();
        String h = high instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : high == null ? "∞" : high.toString();
        return l + "–" + h;
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    /** Eligible (need, score) pairs of one product, delivered in chunks. */
    interface Sink {
        void accept(ProductState product, int[] needs, int[] scores, int n);
    }

    /** Collects a product's eligible needs in need order. */
    private static final class Collector implements Sink {
        int[] needs = new int[64];
        int[] scores = new int[64];
        int size;

        @Override
        public void accept(ProductState product, int[] ns, int[] ss, int n) {
            if (size + n > needs.length) {
                int capacity = Math.max(size + n, needs.length * 2);
                needs = Arrays.copyOf(needs, capacity);
                scores = Arrays.copyOf(scores, capacity);
            }
            System.arraycopy(ns, 0, needs, size, n);
            System.arraycopy(ss, 0, scores, size, n);
            size += n;
        }
    }

    /** Working arrays of one thread. */
    static final class Scratch {
        final int[] candidates = new int[CHUNK];
        final int[] scores = new int[CHUNK];
        final int[] soft = new int[CHUNK];
        final int[] programme = new int[CHUNK];
        long[] needWords = new long[0];
        long[] needTmp = new long[0];
        long[] productWords = new long[0];
        long[] productTmp = new long[0];

        void ensure(int words) {
            if (needWords.length < words) {
                needWords = new long[words];
                needTmp = new long[words];
            }
        }

        void ensureProducts(int words) {
            if (productWords.length < words) {
                productWords = new long[words];
                productTmp = new long[words];
            }
        }
    }

    /** For tests and the benchmark: every open need's top list. */
    public synchronized Map<String, List<RankedProduct>> allTopLists() {
        Map<String, List<RankedProduct>> all = new TreeMap<>();
        for (String id : needSlots.keySet()) {
            all.put(id, topList(id));
        }
        return all;
    }

    /** Evaluates one rule for an open need, as the engine would (for tests and rule previews). */
    public synchronized boolean evaluate(Rule rule, String needId) {
        Integer need = needSlots.get(needId);
        if (need == null) {
            throw new IllegalArgumentException("no open need " + needId);
        }
        return compiler.compile(rule).test(c, need);
    }

    /** The score (hundredths) a product gets for an open need, or -1 when it is not eligible (tests). */
    synchronized int scoreOf(String productId, String needId) {
        Integer need = needSlots.get(needId);
        Integer product = productSlots.get(productId);
        if (need == null || product == null || !products[product].active) {
            return -1;
        }
        long[] candidates = candidateProducts(need, scratch);
        if (!Bits.get(candidates, product)) {
            return -1;
        }
        return evaluate(products[product], need, scratch);
    }

    /** True when the engine understands the rule (known field, operator and value fit its type). */
    public boolean understands(Rule rule) {
        return compiler.compile(rule).valid();
    }

    Collection<ProductState> productStates() {
        return Arrays.asList(products).subList(0, productCount);
    }
}
