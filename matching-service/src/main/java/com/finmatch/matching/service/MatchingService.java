package com.finmatch.matching.service;

import com.finmatch.matching.domain.RankedProduct;
import com.finmatch.matching.domain.engine.MatchingEngine;
import com.finmatch.platform.events.Outbox;
import com.finmatch.platform.time.PlatformClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Owns the in-memory engine and keeps the published matches (table {@code match}, topic {@code match.events}) equal
 * to the engine's top lists. Every change of state — an event, a full re-match, a replay — runs
 * {@link #exclusively} so that the engine, the tables and the published events move together; if a transaction
 * rolls back after the engine moved, the engine is rebuilt from the tables before the next change.
 */
@ApplicationScoped
public class MatchingService {

    public static final String TOPIC = "match.events";
    public static final String MATCHES_CHANGED = "finmatch.match.MatchesChanged.v1";
    private static final Object ROLLBACK_KEY = new Object();

    /** The MatchesChanged payload (EVENTS.md). */
    public record MatchesChanged(String enterpriseId, String needId, List<Top> top, Instant asOf) {
        public record Top(String productId, String bankId, BigDecimal score) {
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ReadModelLoader loader;

    @Inject
    KpiHistory history;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Ownership ownership;

    @Inject
    EngineSync sync;

    @Inject
    Clock clock;

    @ConfigProperty(name = "finmatch.matching.top-size", defaultValue = "5")
    int topSize;

    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile MatchingEngine engine;
    private volatile boolean stale = true;

    /** Runs a change of state alone (wrap the whole transaction, so that it has committed when the lock is freed). */
    public <T> T exclusively(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public boolean busy() {
        return lock.isLocked();
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        sync.listen(); // before the first load: no other replica's change committed after it is missed
        exclusively(() -> {
            engineForUpdate();
            return null;
        });
    }

    /**
     * The engine for reading: loaded if needed. Between midnight (China) and the first change of state after it
     * (an event, or the {@link NightlyRematch} job a minute later) this may still be yesterday's engine.
     */
    public MatchingEngine engine() {
        MatchingEngine current = engine;
        if (current != null && !stale) {
            return current;
        }
        // none yet, or it holds the state of a transaction that rolled back: rebuilt from the committed tables
        return exclusively(() -> {
            if (engine == null || stale) {
                QuarkusTransaction.requiringNew().run(() -> refresh(null));
            }
            return engine;
        });
    }

    /** Has the engine rebuilt from the tables before its next use (e.g. after a replay that failed midway). */
    public void invalidate() {
        stale = true;
    }

    /**
     * The engine for a change inside the current transaction (caller holds {@link #exclusively}): rebuilt from the
     * tables when stale or built for another day than today, and marked stale again if this transaction does not
     * commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public MatchingEngine engineForUpdate() {
        refresh(null);
        return engine;
    }

    /** {@link #engineForUpdate}'s work: the needs whose top list the rebuild changed, or null if none was needed. */
    private List<String> refresh(MatchingEngine.Progress progress) {
        if (transactions.getResource(ROLLBACK_KEY) == null) {
            transactions.putResource(ROLLBACK_KEY, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        stale = true;
                    }
                }
            });
        }
        LocalDate today = PlatformClock.today(clock);
        if (stale || engine == null || !today.equals(engine.today())) {
            sync.listen(); // before any load (a channel may come first at start): nothing committed after it is missed
            engine = loader.load(topSize, today, progress, ownership::owns);
            stale = false;
            TreeSet<String> needs = new TreeSet<>(engine.openNeeds());
            needs.addAll(publishedNeeds(ownership::owns));
            return publish(needs);
        }
        return null;
    }

    /** The needs with published matches whose enterprise {@code enterprises} accepts. */
    @SuppressWarnings("unchecked")
    List<String> publishedNeeds(Predicate<String> enterprises) {
        List<Object[]> rows = em.createNativeQuery("select distinct cast(need_id as varchar),"
                + " cast(enterprise_id as varchar) from match").getResultList();
        return rows.stream().filter(r -> enterprises.test((String) r[1])).map(r -> (String) r[0]).toList();
    }

    /**
     * Drops the needs of these enterprises from the engine (caller holds {@link #exclusively}); an engine not loaded
     * yet or stale loads only what {@link Ownership} says when it is rebuilt. @return how many needs left it
     */
    int drop(Predicate<String> enterprises) {
        MatchingEngine current = engine;
        return current == null || stale ? 0 : current.dropNeedsOf(enterprises).size();
    }

    /**
     * Starts from an empty engine that indexes but does not match (a replay refills it from the topics); the next
     * {@link #rematchAll} matches everything and publishes what differs from the published matches.
     */
    public void beginBulkLoad() {
        MatchingEngine fresh = new MatchingEngine(topSize, PlatformClock.today(clock));
        fresh.deferMatching();
        engine = fresh;
        stale = false;
    }

    /**
     * Replaces the engine by a new full re-match over the same state (caller holds {@link #exclusively}); a stale
     * engine or one of another day is rebuilt instead, which matches everything once. The needs whose list changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> rematchAll(MatchingEngine.Progress progress) {
        List<String> rebuilt = refresh(progress);
        if (rebuilt != null) {
            return rebuilt;
        }
        MatchingEngine current = engine;
        TreeSet<String> changed = new TreeSet<>(current.rematchAll(progress));
        for (String needId : publishedNeeds(ownership::owns)) {
            if (!current.isOpen(needId)) {
                changed.add(needId);
            }
        }
        publish(changed);
        return new ArrayList<>(changed);
    }

    /**
     * Writes the top lists of these needs to {@code match} where they differ from what was published, and publishes
     * MatchesChanged for each need whose list changed; the live feed hears of it after the commit. Returns those needs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> publish(Collection<String> needIds) {
        List<String> changed = new ArrayList<>();
        List<MatchFeed.MatchEvent> feedEvents = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (String needId : new TreeSet<>(needIds)) {
            List<RankedProduct> top = engine.topList(needId);
            Map<String, Object[]> published = new LinkedHashMap<>();
            for (Object[] row : rows("select cast(product_id as varchar), rank, score, cast(enterprise_id as varchar),"
                    + " bank_id from match where need_id = cast(?1 as uuid) order by rank", needId)) {
                published.put((String) row[0], row);
            }
            if (same(top, published)) {
                continue;
            }
            String enterpriseId = engine.enterpriseOf(needId);
            if (enterpriseId == null) {
                enterpriseId = published.values().stream().map(r -> (String) r[3]).findFirst()
                        .orElseGet(() -> enterpriseOfNeed(needId));
            }
            if (enterpriseId == null || !ownership.owns(enterpriseId)) {
                continue; // only the need's owner publishes for it
            }
            List<String> keep = top.stream().map(RankedProduct::productId).toList();
            for (Object[] row : published.values()) {
                if (!keep.contains(row[0])) {
                    em.createNativeQuery("delete from match where need_id = cast(?1 as uuid) and product_id = cast(?2 as uuid)")
                            .setParameter(1, needId).setParameter(2, row[0]).executeUpdate();
                    feedEvents.add(new MatchFeed.MatchEvent("REMOVED", needId, enterpriseId, (String) row[0],
                            (String) row[4], null, null, now.toInstant()));
                }
            }
            for (int rank = 0; rank < top.size(); rank++) {
                RankedProduct p = top.get(rank);
                Object[] before = published.get(p.productId());
                em.createNativeQuery("insert into match (need_id, product_id, enterprise_id, bank_id, rank, score,"
                        + " first_matched_at, updated_at) values (cast(?1 as uuid), cast(?2 as uuid), cast(?3 as uuid),"
                        + " ?4, ?5, ?6, ?7, ?7) on conflict (need_id, product_id) do update set rank = excluded.rank,"
                        + " score = excluded.score, updated_at = excluded.updated_at")
                        .setParameter(1, needId).setParameter(2, p.productId()).setParameter(3, enterpriseId)
                        .setParameter(4, p.bankId()).setParameter(5, rank + 1).setParameter(6, p.score())
                        .setParameter(7, now).executeUpdate();
                boolean moved = before != null && (((Number) before[1]).intValue() != rank + 1
                        || ((BigDecimal) before[2]).compareTo(p.score()) != 0);
                if (before == null) {
                    history.matchMade(needId, p.productId(), enterpriseId, p.bankId(), now);
                }
                if (before == null || moved) {
                    feedEvents.add(new MatchFeed.MatchEvent(before == null ? "NEW" : "CHANGED", needId, enterpriseId,
                            p.productId(), p.bankId(), rank + 1, p.score(), now.toInstant()));
                }
            }
            changed.add(needId);
            outbox.publish(TOPIC, needId, MATCHES_CHANGED, new MatchesChanged(enterpriseId, needId,
                    top.stream().map(t -> new MatchesChanged.Top(t.productId(), t.bankId(), t.score())).toList(),
                    now.toInstant()));
        }
        if (!feedEvents.isEmpty()) {
            sync.feed(feedEvents); // every replica's live feed, once this commits
        }
        return changed;
    }

    private static boolean same(List<RankedProduct> top, Map<String, Object[]> published) {
        if (top.size() != published.size()) {
            return false;
        }
        int rank = 1;
        for (RankedProduct p : top) {
            Object[] row = published.get(p.productId());
            if (row == null || ((Number) row[1]).intValue() != rank++ || ((BigDecimal) row[2]).compareTo(p.score()) != 0
                    || !Objects.equals(row[4], p.bankId())) {
                return false;
            }
        }
        return true;
    }

    private String enterpriseOfNeed(String needId) {
        List<Object[]> r = rows("select cast(enterprise_id as varchar), 1 from need_rm where id = cast(?1 as uuid)", needId);
        return r.isEmpty() ? null : (String) r.get(0)[0];
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object parameter) {
        return em.createNativeQuery(sql).setParameter(1, parameter).getResultList();
    }

    static Instant instant(Object o) {
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        return StatsService.time(o);
    }
}
