package com.finmatch.platform.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka clients a service makes itself (the outbox relay's producer, the dead-letter tools, matching's replay),
 * with the settings its messaging channels have: every {@code kafka.*} property and {@code KAFKA_*} variable as
 * Quarkus collects them for the channels (bootstrap servers, security protocol, SASL, TLS trust, …), under the
 * client's own settings. So a cluster that asks for authentication is reached by every client, not only by the
 * channels. A client assigns its partitions itself: the channels' default {@code group.id} is not passed on.
 */
@ApplicationScoped
public class KafkaClients {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> shared;

    /** A producer of string keys and values with the shared settings and these. */
    public KafkaProducer<String, String> producer(Map<String, Object> own) {
        Properties p = properties(own);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /** A consumer of string keys and values, without auto-commit, with the shared settings and these. */
    public KafkaConsumer<String, String> consumer(Map<String, Object> own) {
        Properties p = properties(own);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p);
    }

    /** The shared settings with these over them (for an admin client, or a client made elsewhere). */
    public Properties properties(Map<String, Object> own) {
        Properties p = new Properties();
        shared.forEach((k, v) -> {
            if (!k.equals(CommonClientConfigs.GROUP_ID_CONFIG)) {
                p.put(k, v);
            }
        });
        p.putAll(own);
        return p;
    }
}
