package com.finmatch.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * A client setting that leaves a trace: configured as {@code kafka.interceptor.classes}, it records which client
 * (by {@code client.id}) sent which event ({@code ce_id}), so a test sees whether a client got the shared settings.
 */
public class SharedSettingsInterceptor implements ProducerInterceptor<String, String>, ConsumerInterceptor<String, String> {

    /** {@code client.id} → the {@code ce_id}s it sent. */
    static final Map<String, Set<String>> SENT = new ConcurrentHashMap<>();

    private String client;

    @Override
    public void configure(Map<String, ?> configs) {
        client = String.valueOf(configs.get("client.id"));
    }

    @Override
    public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
        Header id = record.headers().lastHeader("ce_id");
        if (id != null) {
            SENT.computeIfAbsent(client, c -> ConcurrentHashMap.newKeySet()).add(new String(id.value(), StandardCharsets.UTF_8));
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public ConsumerRecords<String, String> onConsume(ConsumerRecords<String, String> records) {
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }
}
