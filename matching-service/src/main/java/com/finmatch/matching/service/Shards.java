package com.finmatch.matching.service;

import com.finmatch.matching.domain.engine.MatchingEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The hand-over of needs between replicas, driven by the {@code matching-service} group's assignment of
 * {@code enterprise.events} partitions (event/OwnershipListener). Every step runs under the engine's lock, so it never
 * interleaves with an event's transaction:
 * <ul>
 * <li>assigned: the enterprises of the new partitions and their open needs are loaded from the read models and
 * matched; what differs from the published matches ({@code match}) is published, as at start-up;</li>
 * <li>revoked or lost: their needs leave the engine and this replica publishes nothing for them any more;</li>
 * <li>an enterprise event the inbox had already seen (its old owner applied it but the offset was not committed before
 * the hand-over): the new owner re-reads that enterprise and its needs from the read models ({@link #reread}), so its
 * engine holds what the database holds even though the event is not applied again.</li>
 * </ul>
 */
@ApplicationScoped
public class Shards {

    private static final Logger LOG = Logger.getLogger(Shards.class);

    @Inject
    MatchingService matching;

    @Inject
    Ownership ownership;

    @Inject
    ReadModelLoader loader;

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true; // the channels' last rebalance comes after the database is gone
    }

    /**
     * These partitions of a topic of {@code count} partitions are now this replica's. If loading them fails, they
     * stay this replica's and the engine is rebuilt from the tables (with them) before its next use.
     */
    public void assigned(Collection<Integer> partitions, int count) {
        if (partitions.isEmpty() || stopping) {
            return;
        }
        try {
            load(partitions, count);
        } catch (RuntimeException e) {
            LOG.warnf("loading enterprise.events partitions %s failed, the engine is rebuilt from the tables: %s",
                    partitions, e.toString());
            matching.exclusively(() -> {
                ownership.add(partitions, count);
                matching.invalidate();
                return null;
            });
        }
    }

    private void load(Collection<Integer> partitions, int count) {
        long start = System.nanoTime();
        int loaded = matching.exclusively(() -> QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            MatchingEngine engine = matching.engineForUpdate();
            if (count != ownership.partitionCount()) {
                engine.dropNeedsOf(e -> true); // the topic grew: keys map to other partitions now
                ownership.remove(ownership.partitions());
            }
            Set<Integer> fresh = Set.copyOf(partitions);
            Predicate<String> theirs = e -> fresh.contains(Ownership.partitionOf(e, count));
            TreeSet<String> needs = new TreeSet<>(loader.addOwned(engine, theirs));
            int n = needs.size();
            // owned from here on: until now a read of these enterprises was answered from the read models
            ownership.add(partitions, count);
            needs.addAll(matching.publishedNeeds(theirs));
            matching.publish(needs);
            return n;
        }));
        LOG.infof("owns enterprise.events partitions %s of %d: loaded %d open needs in %d ms", ownership.partitions(),
                count, loaded, (System.nanoTime() - start) / 1_000_000);
    }

    /** These partitions are no longer this replica's (revoked in a rebalance, or lost). */
    public void revoked(Collection<Integer> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        // at once, before waiting for the engine's lock: a job or event in flight publishes nothing more for them
        ownership.remove(partitions);
        int dropped = matching.exclusively(() -> {
            int count = ownership.partitionCount();
            Set<Integer> gone = Set.copyOf(partitions);
            return matching.drop(e -> gone.contains(Ownership.partitionOf(e, count)));
        });
        LOG.infof("gave up enterprise.events partitions %s: dropped %d open needs, owns %s", partitions, dropped,
                ownership.partitions());
    }

    /**
     * Makes the engine hold what the read models hold for this enterprise (if this replica owns it) and publishes what
     * differs: for an enterprise event the inbox had already seen.
     */
    public void reread(String enterpriseId) {
        matching.exclusively(() -> QuarkusTransaction.requiringNew().call(() -> {
            if (!ownership.owns(enterpriseId) || !ReadModelLoader.isUuid(enterpriseId)) {
                return null;
            }
            MatchingEngine engine = matching.engineForUpdate();
            TreeSet<String> needs = new TreeSet<>(engine.openNeedsOf(enterpriseId));
            engine.dropNeedsOf(enterpriseId::equals);
            needs.addAll(loader.add(engine, loader.enterprise(enterpriseId)));
            matching.publish(needs);
            return null;
        }));
    }
}
