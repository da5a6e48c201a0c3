package com.finmatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Checks a published record against the event contract: CloudEvents 1.0 binary-mode headers, the record key, and
 * the payload against the JSON Schema {@code schemas/<ce_type>.json} kept in the events module.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventSchemas() {
    }

    /** Throws an AssertionError naming every way the record breaks the contract. */
    public static JsonNode assertValid(ConsumerRecord<String, String> record, String expectedSource) {
        String type = require(record, "ce_type");
        if (!type.matches("finmatch\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v\\d+")) {
            throw new AssertionError("ce_type does not follow finmatch.<aggregate>.<Event>.v<N>: " + type);
        }
        UUID.fromString(require(record, "ce_id"));
        OffsetDateTime.parse(require(record, "ce_time"));
        expect("1.0", require(record, "ce_specversion"), "ce_specversion");
        expect(expectedSource, require(record, "ce_source"), "ce_source");
        expect(record.key(), require(record, "ce_subject"), "ce_subject (must equal the record key)");
        expect("application/json", require(record, "content-type"), "content-type");
        JsonNode payload;
        try {
            payload = JSON.readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError("payload of " + type + " is not JSON: " + record.value(), e);
        }
        List<Error> errors = schema(type).validate(payload);
        if (!errors.isEmpty()) {
            throw new AssertionError(type + " payload breaks its schema: " + errors + "\npayload: " + payload);
        }
        return payload;
    }

    public static Schema schema(String type) {
        String path = "schemas/" + type + ".json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no JSON Schema for event type " + type + " at " + path);
            }
            return REGISTRY.getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new AssertionError("unreadable schema " + path, e);
        }
    }

    private static String require(ConsumerRecord<String, String> record, String header) {
        String value = TopicProbe.header(record, header);
        if (value == null || value.isBlank()) {
            throw new AssertionError("record lacks header " + header);
        }
        return value;
    }

    private static void expect(String expected, String actual, String what) {
        if (!expected.equals(actual)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual);
        }
    }
}
