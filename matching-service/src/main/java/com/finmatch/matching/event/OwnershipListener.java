package com.finmatch.matching.event;

import com.finmatch.matching.service.Ownership;
import com.finmatch.matching.service.Shards;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Learns which {@code enterprise.events} partitions the {@code matching-service} group gives this replica (named by
 * {@code mp.messaging.incoming.enterprise-events.consumer-rebalance-listener.name}): their needs are this replica's.
 * Called on the channel's polling thread before it fetches the partitions' records (assigned) and before another
 * member may fetch them (revoked), so the engine hands over exactly at the group's hand-over.
 */
@ApplicationScoped
@Identifier(OwnershipListener.NAME)
public class OwnershipListener implements KafkaConsumerRebalanceListener {

    public static final String NAME = "matching-ownership";

    @Inject
    Shards shards;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        int count = consumer.partitionsFor(Ownership.TOPIC, Duration.ofSeconds(30)).size();
        shards.assigned(numbers(partitions), count);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        shards.revoked(numbers(partitions));
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        shards.revoked(numbers(partitions));
    }

    private static List<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().filter(p -> p.topic().equals(Ownership.TOPIC)).map(TopicPartition::partition)
                .toList();
    }
}
