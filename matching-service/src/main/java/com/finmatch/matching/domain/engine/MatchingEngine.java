package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.EnterpriseProfile;
import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.domain.LoanProduct;
import com.finmatch.matching.domain.PolicyTool;
import com.finmatch.matching.domain.RankedProduct;
import com.finmatch.matching.domain.Recommendation;
import com.finmatch.matching.domain.Rule;
import com.finmatch.matching.domain.TrainingOffer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.Predicate;

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
 *
 * <h2>Parts (package-private, this package)</h2>
 * State, in one {@link EngineState} handed to every part: {@link Columns} (fields by row), {@link Needs} (enterprise
 * and need slots, links, growth), {@link Products} (product slots and {@link ProductState}s), {@link BitIndex} (need
 * and product bit sets), {@link TopLists}, {@link DeclinedPairs}. Work: {@link ProductCompiler} (a product's rules,
 * ranges and policy to a ProductState), {@link Candidates} (the pairs the index lets through), {@link Scorer} (hard
 * checks, scores, pruning by the bound),
 * {@link ScoreWeights} (the weights above in hundredths, and the score's, the bound's and the potential's sums),
 * {@link IncrementalMatch} (one need or product changed), {@link FullRematch} (every need, in cache blocks over
 * threads), {@link Explainer} and {@link TrainingOffers} (reasons, near misses, offers), {@link Explanations} (kept
 * until the state changes; needs held elsewhere explained in passing). This class wires them and holds the lock.
 */
public final class MatchingEngine {

    public static final int NEAR_MISS_LIMIT = 5;
    /** The longest top list a need may have ({@code finmatch.matching.top-size}). */
    public static final int MAX_TOP_SIZE = 100;
    /** The most IPO-training offers shown for a need or an enterprise's listing readiness, best first. */
    public static final int MAX_OFFERS = 50;
    public static final int MAX_FAILED_FOR_NEAR_MISS = 2;
    public static final List<String> GUARANTEE_TYPES = List.of("CREDIT", "MORTGAGE", "GUARANTEE", "IP_PLEDGE",
            "RECEIVABLES", "POLICY_GUARANTEE");

    private final int topSize;
    private final EngineState state;
    private final ProductCompiler productCompiler;
    private final Scorer scorer;
    private final IncrementalMatch matcher;
    private final FullRematch full;
    private final TrainingOffers offers;
    private final Explanations explanations;

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
        state = new EngineState(topSize, today);
        productCompiler = new ProductCompiler(state);
        Candidates candidates = new Candidates(state);
        scorer = new Scorer(state, candidates);
        matcher = new IncrementalMatch(state, candidates, scorer);
        full = new FullRematch(state, scorer, threads);
        offers = new TrainingOffers(state);
        explanations = new Explanations(state, matcher, new Explainer(state, offers), offers);
    }

    /**
     * Starts a bulk load: until the next {@link #rematchAll}, changes are indexed but nothing is matched (loading the
     * read models at start-up, benchmarks).
     */
    public synchronized void deferMatching() {
        changed();
        matcher.deferred = true;
    }

    public int topSize() {
        return topSize;
    }

    public LocalDate today() {
        return state.today;
    }

    // ------------------------------------------------------------------------------------------------ enterprises

    /** Adds or replaces an enterprise; its open needs are re-matched. @return needs whose top list changed */
    public synchronized List<String> upsertEnterprise(EnterpriseProfile e) {
        changed();
        int slot = state.needs.upsertEnterprise(e);
        List<String> changed = new ArrayList<>();
        for (int need = state.needs.firstNeedOf[slot]; need >= 0; need = state.needs.nextNeed[need]) {
            if (matcher.rematchNeed(need)) {
                changed.add(state.needs.needIds[need]);
            }
        }
        return changed;
    }

    /** Pre-sizes the enterprise columns. */
    public synchronized void reserveEnterprises(int n) {
        changed();
        state.needs.reserveEnterprises(n);
    }

    // ------------------------------------------------------------------------------------------------ needs

    /** Adds or replaces an open need and re-matches it. @return true when its top list changed */
    public synchronized boolean upsertNeed(FinancingNeed n) {
        changed();
        return matcher.rematchNeed(state.needs.upsertNeed(n));
    }

    /** Closes a need (withdrawn, fulfilled). @return true when it had a non-empty top list */
    public synchronized boolean closeNeed(String needId) {
        changed();
        return state.needs.closeNeed(needId);
    }

    /**
     * Drops the open needs of the enterprises {@code which} accepts, with their declined pairs: another replica owns
     * them now. Their published matches stay as they are (the new owner compares against them). @return the needs
     */
    public synchronized List<String> dropNeedsOf(Predicate<String> which) {
        changed();
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, Integer> need : state.needs.slots().entrySet()) {
            if (which.test(state.needs.enterpriseIds[state.c.needEnterprise[need.getValue()]])) {
                dropped.add(need.getKey());
            }
        }
        for (String needId : dropped) {
            state.needs.closeNeed(needId);
            state.declined.forgetNeed(needId);
        }
        return dropped;
    }

    /** What {@link #explainTransient} answers: each need's recommendation (id order) and the listing readiness. */
    public record Explained(List<Recommendation> recommendations, List<Recommendation.OfferMatch> listingReadiness) {
    }

    /**
     * Explains an enterprise's open needs that this engine does not hold (another replica owns them), from their
     * state in the read models, against this engine's products: exactly what {@link #recommend} gives where they are
     * held. The needs are matched, explained and dropped again in one call; the enterprise's profile is kept (it
     * changes no other need's list). {@code declined}: product ids per need id.
     */
    public synchronized Explained explainTransient(EnterpriseProfile enterprise, List<FinancingNeed> needs,
            Map<String, Set<String>> declined) {
        return explanations.explainTransient(enterprise, needs, declined);
    }

    /** Pre-sizes the need columns (a bulk load of n needs). */
    public synchronized void reserveNeeds(int n) {
        changed();
        state.needs.reserveNeeds(n);
    }

    // ------------------------------------------------------------------------------------------------ products

    /**
     * Adds or replaces a product (any status: only PUBLISHED inside validity matches). Only its candidate needs are
     * scored; needs that held it and now score it lower are re-matched. @return needs whose top list changed
     */
    public synchronized List<String> upsertProduct(LoanProduct spec) {
        changed();
        ProductState p = state.products.stateOf(spec.productId());
        state.index.fitProducts(state.products.capacity());
        if (p.spec != null && spec.version() < p.spec.version()) {
            return List.of();
        }
        p.spec = spec;
        productCompiler.compile(p);
        return matcher.reindexAndRematch(p);
    }

    /** Marks a product SUSPENDED or WITHDRAWN (a product event without the full product). */
    public synchronized List<String> changeProductStatus(String productId, String status, long version) {
        changed();
        Integer slot = state.products.slotOf(productId);
        ProductState p = slot == null ? null : state.products.states[slot];
        if (p == null || p.spec == null || version < p.spec.version()) {
            return List.of();
        }
        LoanProduct s = p.spec;
        p.spec = new LoanProduct(s.productId(), s.bankId(), s.name(), s.type(), s.minAmount(), s.maxAmount(),
                s.minTermMonths(), s.maxTermMonths(), s.minAnnualRate(), s.maxAnnualRate(), s.guaranteeTypes(),
                s.rules(), s.policyToolIds(), s.validFrom(), s.validTo(), status, version);
        productCompiler.compile(p);
        return matcher.reindexAndRematch(p);
    }

    /** Adds or replaces a policy tool; products using it are re-scored. @return needs whose top list changed */
    public synchronized List<String> upsertPolicyTool(PolicyTool tool) {
        changed();
        productCompiler.putTool(tool);
        List<String> changed = new ArrayList<>();
        for (ProductState p : state.products.all()) {
            if (p.spec != null && p.spec.policyToolIds() != null && p.spec.policyToolIds().contains(tool.policyToolId())) {
                productCompiler.compile(p);
                changed.addAll(matcher.reindexAndRematch(p));
            }
        }
        return changed.stream().distinct().toList();
    }

    // ------------------------------------------------------------------------------------------------ declines

    /**
     * Marks whether a bank declined the enterprise's application for this need and product: a declined product is not
     * recommended (nor a near miss) for that need again. @return needs whose top list changed
     */
    public synchronized List<String> declineProduct(String needId, String productId, boolean declined) {
        changed();
        if (!state.declined.mark(needId, productId, declined)) {
            return List.of();
        }
        Integer need = state.needs.slotOf(needId);
        return need != null && matcher.rematchNeed(need) ? List.of(needId) : List.of();
    }

    // ------------------------------------------------------------------------------------------------ offers

    /** Adds or replaces an IPO-training offer (matched on read, per need). */
    public synchronized void upsertTrainingOffer(TrainingOffer offer) {
        changed();
        offers.upsert(offer);
    }

    public synchronized void closeTrainingOffer(String offerId) {
        changed();
        offers.close(offerId);
    }

    // ------------------------------------------------------------------------------------------------ matching

    /**
     * Re-matches every open need against every product it can match, in parallel over disjoint need ranges.
     * @return needs whose top list changed
     */
    public synchronized List<String> rematchAll(Progress progress) {
        changed();
        matcher.deferred = false;
        return full.run(progress);
    }

    /** Every method that changes the state calls this first: explanations given so far may no longer hold. */
    private void changed() {
        explanations.forget();
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** The current top list of an open need (empty for an unknown need). */
    public synchronized List<RankedProduct> topList(String needId) {
        Integer need = state.needs.slotOf(needId);
        return need == null ? List.of() : state.tops.list(need);
    }

    public synchronized boolean isOpen(String needId) {
        return state.needs.slotOf(needId) != null;
    }

    public synchronized String enterpriseOf(String needId) {
        Integer need = state.needs.slotOf(needId);
        return need == null ? null : state.needs.enterpriseIds[state.c.needEnterprise[need]];
    }

    /** The open needs of an enterprise, in id order. */
    public synchronized List<String> openNeedsOf(String enterpriseId) {
        Integer e = state.needs.enterpriseSlotOf(enterpriseId);
        List<String> ids = new ArrayList<>();
        if (e != null) {
            for (int need = state.needs.firstNeedOf[e]; need >= 0; need = state.needs.nextNeed[need]) {
                ids.add(state.needs.needIds[need]);
            }
        }
        ids.sort(null);
        return ids;
    }

    /** Every open need id (for comparing with what was published). */
    public synchronized List<String> openNeeds() {
        List<String> ids = new ArrayList<>(state.needs.slots().keySet());
        ids.sort(null);
        return ids;
    }

    public synchronized int openNeedCount() {
        return state.needs.slots().size();
    }

    public synchronized int productCount() {
        return state.products.count;
    }

    /** A product's guarantee types as published; empty for a product the engine does not hold. */
    public synchronized List<String> guaranteeTypesOf(String productId) {
        Integer slot = state.products.slotOf(productId);
        LoanProduct spec = slot == null ? null : state.products.states[slot].spec;
        return spec == null || spec.guaranteeTypes() == null ? List.of() : spec.guaranteeTypes();
    }

    /** Explains a need's recommendation: reasons of its top products, near misses, training offers. */
    public synchronized Recommendation recommend(String needId) {
        return explanations.recommend(needId);
    }

    /**
     * The IPO-training offers for an enterprise regardless of its needs (its listing readiness): those open for
     * enrolment whose entry rules its profile passes; a rule on a financing-need field never passes here.
     */
    public synchronized List<Recommendation.OfferMatch> listingReadiness(String enterpriseId) {
        Integer enterprise = state.needs.enterpriseSlotOf(enterpriseId);
        if (enterprise == null) {
            return List.of();
        }
        return offers.matches(state.needs.probeRow(enterprise));
    }

    /** For tests and the benchmark: every open need's top list. */
    public synchronized Map<String, List<RankedProduct>> allTopLists() {
        Map<String, List<RankedProduct>> all = new TreeMap<>();
        for (String id : state.needs.slots().keySet()) {
            all.put(id, topList(id));
        }
        return all;
    }

    /** Evaluates one rule for an open need, as the engine would (for tests and rule previews). */
    public synchronized boolean evaluate(Rule rule, String needId) {
        Integer need = state.needs.slotOf(needId);
        if (need == null) {
            throw new IllegalArgumentException("no open need " + needId);
        }
        return state.compiler.compile(rule).test(state.c, need);
    }

    /** The score (hundredths) a product gets for an open need, or -1 when it is not eligible (tests). */
    synchronized int scoreOf(String productId, String needId) {
        Integer need = state.needs.slotOf(needId);
        Integer product = state.products.slotOf(productId);
        if (need == null || product == null || !state.products.states[product].active) {
            return -1;
        }
        return matcher.scoreOf(state.products.states[product], need);
    }

    /** The full re-match's pruning bound (hundredths) of a product for an open need; never below its score (tests). */
    synchronized int boundOf(String productId, String needId) {
        Integer need = state.needs.slotOf(needId);
        Integer product = state.products.slotOf(productId);
        return scorer.bound(state.products.states[product], need);
    }

    /** True when the engine understands the rule (known field, operator and value fit its type). */
    public boolean understands(Rule rule) {
        return state.compiler.compile(rule).valid();
    }

    Collection<ProductState> productStates() {
        return state.products.all();
    }
}
