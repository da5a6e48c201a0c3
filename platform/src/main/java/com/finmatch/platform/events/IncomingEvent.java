package com.finmatch.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A consumed CloudEvent: the binary-mode headers and the JSON payload, checked on the way in. */
public record IncomingEvent(String id, String type, String source, String subject, OffsetDateTime time, JsonNode data,
        String topic) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /**
     * ce_source of the demo's past applications and lead steps (devstack's DemoHistory): they exist only in
     * matching-service's read models (the KPI series); enterprise-service and loan-service skip them.
     */
    public static final String DEMO_HISTORY_SOURCE = "finmatch-demo-history";

    /** Reads a record; a record that is not a finmatch CloudEvent raises {@link InvalidEventException}. */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = required(record, CloudEventHeaders.ID);
        String type = required(record, CloudEventHeaders.TYPE);
        String source = required(record, CloudEventHeaders.SOURCE);
        String subject = required(record, CloudEventHeaders.SUBJECT);
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(required(record, CloudEventHeaders.TIME));
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("ce_time is not an ISO-8601 time");
        }
        if (record.value() == null) {
            throw new InvalidEventException("the record has no payload");
        }
        JsonNode data;
        try {
            data = JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("the payload is not JSON: " + e.getOriginalMessage());
        }
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("the payload is not a JSON object");
        }
        return new IncomingEvent(id, type, source, subject, time, data, record.topic());
    }

    /** The payload mapped onto a class; a payload that does not fit raises {@link InvalidEventException}. */
    public <T> T dataAs(Class<T> type) {
        try {
            return JSON.treeToValue(data, type);
        } catch (IOException e) {
            throw new InvalidEventException("the payload of " + this.type + " does not fit " + type.getSimpleName()
                    + ": " + e.getMessage());
        }
    }

    /** Whether this is one of the demo history's events ({@link #DEMO_HISTORY_SOURCE}). */
    public boolean isDemoHistory() {
        return DEMO_HISTORY_SOURCE.equals(source);
    }

    /** The event name without prefix and version: {@code finmatch.product.ProductPublished.v1} → ProductPublished. */
    public String name() {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : type;
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        if (h == null || h.value() == null || h.value().length == 0) {
            throw new InvalidEventException("missing header " + name);
        }
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
