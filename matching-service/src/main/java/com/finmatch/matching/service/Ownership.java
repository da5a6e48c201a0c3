package com.finmatch.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which needs this replica owns: those of the enterprises whose {@code enterprise.events} partitions the
 * {@code matching-service} consumer group assigned it (Kafka's group assignment is the membership; there is no other).
 * An enterprise's partition is the one Kafka's default partitioner gives its key, the enterprise id. Changed only by
 * {@link Shards} under the engine's lock; read anywhere.
 */
@ApplicationScoped
public class Ownership {

    public static final String TOPIC = "enterprise.events";

    private volatile Set<Integer> owned = Set.of();
    private volatile int partitions = 1;

    /** The partition Kafka's default partitioner gives a record with this key (kafka-clients BuiltInPartitioner). */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** True when this replica owns the enterprise's needs (and project gaps). */
    public boolean owns(String enterpriseId) {
        return enterpriseId != null && owned.contains(partitionOf(enterpriseId, partitions));
    }

    /** The enterprise.events partitions this replica owns, ascending. */
    public Set<Integer> partitions() {
        return new TreeSet<>(owned);
    }

    public int partitionCount() {
        return partitions;
    }

    /** The partitions are now this replica's too (of a topic of {@code count} partitions). */
    void add(Collection<Integer> assigned, int count) {
        TreeSet<Integer> next = new TreeSet<>(count == partitions ? owned : Set.of());
        next.addAll(assigned);
        partitions = count;
        owned = Set.copyOf(next);
    }

    /** The partitions are no longer this replica's. */
    void remove(Collection<Integer> revoked) {
        TreeSet<Integer> next = new TreeSet<>(owned);
        next.removeAll(revoked);
        owned = Set.copyOf(next);
    }
}
