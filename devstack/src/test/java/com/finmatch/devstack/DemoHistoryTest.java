package com.finmatch.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DemoHistoryTest {
    private static final Path SCHEMAS = Path.of("../platform/src/main/resources/schemas");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");

    private final List<String> enterprises = new ArrayList<>();
    private final List<DemoHistory.Product> products = new ArrayList<>();

    DemoHistoryTest() {
        for (int i = 0; i < 30; i++) {
            enterprises.add(UUID.nameUUIDFromBytes(("enterprise " + i).getBytes()).toString());
        }
        for (int i = 0; i < 12; i++) {
            products.add(new DemoHistory.Product(UUID.nameUUIDFromBytes(("product " + i).getBytes()).toString(),
                    List.of("ZQRCB", "ICBC-ZQ", "CCB-ZQ").get(i % 3)));
        }
    }

    @Test
    void everyGeneratedEventIsValidAgainstThePlatformSchemaOfItsType() throws IOException {
        Map<String, Schema> schemas = new HashMap<>();
        List<DemoHistory.Event> events = DemoHistory.generate(enterprises, products, NOW);
        assertFalse(events.isEmpty());
        for (DemoHistory.Event e : events) {
            Schema schema = schemas.computeIfAbsent(e.type(), DemoHistoryTest::schema);
            List<Error> errors = schema.validate(Http.JSON.readTree(Http.JSON.writeValueAsString(e.data())));
            assertTrue(errors.isEmpty(), e.type() + " breaks its schema: " + errors + "\n" + e.data());
            assertEquals(e.key(), e.data().path("applicationId").asText(), "the key is the application id");
            assertEquals(e.type().contains(".application.") ? "application.events" : "lead.events", e.topic());
        }
        // and the check can fail: a lead step without its required reasonCode breaks the schema
        DemoHistory.Event lead = events.stream().filter(e -> e.name().equals("LeadStatusChanged")).findFirst()
                .orElseThrow();
        JsonNode broken = lead.data().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).remove("reasonCode");
        assertFalse(schemas.get(lead.type()).validate(broken).isEmpty());
        assertEquals(Set.of("finmatch.application.ApplicationSubmitted.v1", "finmatch.lead.LeadStatusChanged.v1",
                "finmatch.lead.LeadOverdue.v1"), schemas.keySet());
    }

    @Test
    void theSameInputsGiveTheSameEventsWithTheSameIdsAndNoIdTwice() {
        List<DemoHistory.Event> first = DemoHistory.generate(enterprises, products, NOW);
        List<String> reordered = new ArrayList<>(enterprises);
        java.util.Collections.reverse(reordered);
        List<DemoHistory.Event> again = DemoHistory.generate(reordered, products, NOW.plusSeconds(60));
        assertEquals(first.size(), again.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).ceId(), again.get(i).ceId());
            assertEquals(first.get(i).data(), again.get(i).data());
        }
        Set<String> ids = new HashSet<>();
        first.forEach(e -> assertTrue(ids.add(e.ceId()), "ce_id twice: " + e.ceId()));
        // name-based ids (version 3), never the services' random ones (version 4): FaultsUnderLoadIT tells them apart
        first.forEach(e -> assertEquals(3, UUID.fromString(e.key()).version(), e.key()));
    }

    @Test
    void theTwelveMonthsBeforeThisOneHaveGrowingApplicationsEachWithApprovalsAndDeclines() {
        List<DemoHistory.Event> events = DemoHistory.generate(enterprises, products, NOW);
        List<YearMonth> months = DemoHistory.months(NOW);
        assertEquals(YearMonth.of(2025, 12), months.get(0));
        assertEquals(YearMonth.of(2026, 11), months.get(11));
        Map<YearMonth, Integer> submitted = new HashMap<>();
        Map<YearMonth, Set<String>> decisions = new HashMap<>();
        Set<String> needsApplied = new HashSet<>();
        int rerouted = 0;
        for (DemoHistory.Event e : events) {
            assertTrue(e.time().isBefore(NOW), "no event in the future: " + e.time());
            YearMonth m = YearMonth.from(e.time().atOffset(ZoneOffset.ofHours(8)));
            JsonNode d = e.data();
            if (e.name().equals("ApplicationSubmitted")) {
                assertTrue(months.contains(m), "submitted in a history month: " + m);
                submitted.merge(m, 1, Integer::sum);
                if (!needsApplied.add(d.path("financingNeedId").asText())) {
                    rerouted++;
                }
            } else if (e.name().equals("LeadStatusChanged")) {
                decisions.computeIfAbsent(m, x -> new HashSet<>()).add(d.path("status").asText());
                if (d.path("status").asText().equals("DECLINED")) {
                    assertTrue(DemoHistory.DECLINE_REASONS.contains(d.path("reasonCode").asText()));
                }
                if (d.path("status").asText().equals("APPROVED")) {
                    assertTrue(d.path("amount").decimalValue().signum() > 0 && d.path("rate").decimalValue().signum() > 0);
                }
            }
        }
        for (int i = 0; i < months.size(); i++) {
            YearMonth m = months.get(i);
            assertTrue(submitted.get(m) >= DemoHistory.applicationsIn(i), m + ": " + submitted.get(m));
            assertTrue(decisions.get(m).containsAll(Set.of("APPROVED", "DECLINED")), m + ": " + decisions.get(m));
            if (i > 0) {
                assertTrue(DemoHistory.applicationsIn(i) > DemoHistory.applicationsIn(i - 1));
            }
        }
        assertEquals(15, DemoHistory.applicationsIn(0));
        assertEquals(40, DemoHistory.applicationsIn(11));
        assertTrue(submitted.get(months.get(11)) > submitted.get(months.get(0)));
        assertTrue(rerouted > 10, "re-routed needs: " + rerouted);
        assertTrue(events.stream().filter(e -> e.name().equals("LeadOverdue")).count() > 10);
        // a lead is escalated exactly when its bank first answered after the due time
        Map<String, Instant> escalated = new HashMap<>();
        events.stream().filter(e -> e.name().equals("LeadOverdue")).forEach(e -> escalated.put(e.key(), e.time()));
        events.stream().filter(e -> e.data().path("status").asText().equals("RECEIVED")).forEach(e -> {
            Instant due = Instant.parse(e.data().path("dueAt").asText());
            assertEquals(escalated.containsKey(e.key()), e.time().isAfter(due), e.key());
            if (escalated.containsKey(e.key())) {
                assertTrue(escalated.get(e.key()).isAfter(due) && escalated.get(e.key()).isBefore(e.time()));
            }
        });
        assertTrue(events.stream().anyMatch(e -> e.data().path("status").asText().equals("DISBURSED")));
    }

    @Test
    void withoutEnterprisesOrProductsThereIsNoHistory() {
        assertTrue(DemoHistory.generate(List.of(), products, NOW).isEmpty());
        assertTrue(DemoHistory.generate(enterprises, List.of(), NOW).isEmpty());
    }

    private static Schema schema(String type) {
        try {
            return REGISTRY.getSchema(Http.JSON.readTree(Files.readString(SCHEMAS.resolve(type + ".json"))));
        } catch (IOException e) {
            throw new AssertionError("no schema for " + type, e);
        }
    }
}
