package com.finmatch.enterprise;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.testing.EventSchemas;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event of enterprise.events and application.events, as published: CloudEvents headers, key and schema. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class EventContractTest {

    private static final String SOURCE = "enterprise-service";

    @Test
    void shouldPublishEveryEnterpriseEventWithCloudEventsHeadersAndAValidPayload() {
        String owner = newSubject("owner");
        try (TopicProbe topic = TopicProbe.of("enterprise.events")) {
            String id = Fixtures.registerEnterprise(owner);
            JsonNode registered = valid(topic, "EnterpriseRegistered", id);
            assertEquals(id, registered.get("enterpriseId").asText());
            assertEquals(owner, registered.get("ownerSub").asText());
            assertEquals(0, registered.get("version").asInt());
            assertFalse(registered.has("contactPhone"), "contact details stay in the service");

            Map<String, Object> body = as(Tokens.enterprise(owner)).get("/api/v1/enterprises/me").then().extract()
                    .as(Map.class);
            body.put("annualRevenue", 61000000);
            as(Tokens.enterprise(owner)).header("If-Match", "\"0\"").body(body).put("/api/v1/enterprises/" + id)
                    .then().statusCode(200);
            JsonNode updated = valid(topic, "EnterpriseUpdated", id);
            assertEquals(1, updated.get("version").asInt());
            assertEquals(61000000, updated.get("annualRevenue").asInt());

            String projectId = as(Tokens.enterprise(owner))
                    .body(Map.of("name", "年产10万套新能源汽车零部件项目", "investmentAmount", 120000000,
                            "financingGap", 45000000, "stage", "UNDER_CONSTRUCTION", "termMonths", 60))
                    .post("/api/v1/enterprises/" + id + "/projects").then().statusCode(201).extract().path("id");
            JsonNode project = valid(topic, "ProjectRegistered", id);
            assertEquals(projectId, project.get("projectId").asText());
            assertEquals("441203", project.get("districtCode").asText());

            Map<String, Object> need = Fixtures.needBody();
            need.put("projectId", projectId);
            need.put("purpose", "PROJECT");
            String needId = as(Tokens.enterprise(owner)).body(need)
                    .post("/api/v1/enterprises/" + id + "/financing-needs").then().statusCode(201)
                    .extract().path("id");
            JsonNode opened = valid(topic, "FinancingNeedOpened", id);
            assertEquals(needId, opened.get("needId").asText());
            assertEquals(projectId, opened.get("projectId").asText());

            String plainNeed = Fixtures.openNeed(owner, id);
            JsonNode withoutProject = EventSchemas.assertValid(topic.await(r -> id.equals(r.key())
                    && r.value().contains(plainNeed)), SOURCE);
            assertTrue(withoutProject.has("projectId") && withoutProject.get("projectId").isNull(),
                    "a need without a project says projectId: null");

            as(Tokens.enterprise(owner)).post("/api/v1/enterprises/" + id + "/financing-needs/" + needId + "/withdraw")
                    .then().statusCode(200);
            assertEquals(needId, valid(topic, "FinancingNeedWithdrawn", id).get("needId").asText());

            String consentId = Fixtures.grantConsent(owner, id, "*", "PROFILE", "FINANCIALS");
            JsonNode granted = valid(topic, "ConsentGranted", id);
            assertEquals(consentId, granted.get("consentId").asText());
            assertEquals("*", granted.get("bankId").asText());
            assertEquals(List.of("PROFILE", "FINANCIALS"),
                    List.of(granted.get("categories").get(0).asText(), granted.get("categories").get(1).asText()));

            as(Tokens.enterprise(owner)).delete("/api/v1/enterprises/" + id + "/consents/" + consentId)
                    .then().statusCode(204);
            assertEquals(consentId, valid(topic, "ConsentRevoked", id).get("consentId").asText());
        }
    }

    @Test
    void shouldPublishApplicationEventsKeyedByApplication() {
        String owner = newSubject("owner");
        String needId = Fixtures.openNeed(owner, Fixtures.registerEnterprise(owner));
        String productId = Fixtures.publishProduct("CCBZQ");
        try (TopicProbe topic = TopicProbe.of("application.events")) {
            String id = Fixtures.submitApplication(owner, needId, productId);
            ConsumerRecord<String, String> submitted = topic.await(
                    TopicProbe.ofTypeAndSubject("finmatch.application.ApplicationSubmitted.v1", id));
            JsonNode payload = EventSchemas.assertValid(submitted, SOURCE);
            assertEquals(id, submitted.key());
            assertEquals("CCBZQ", payload.get("bankId").asText());
            assertEquals(productId, payload.get("productId").asText());

            as(Tokens.enterprise(owner)).post("/api/v1/applications/" + id + "/withdraw").then().statusCode(200);
            EventSchemas.assertValid(topic.await(
                    TopicProbe.ofTypeAndSubject("finmatch.application.ApplicationWithdrawn.v1", id)), SOURCE);
        }
    }

    @Test
    void shouldPublishNothingForARequestThatFails() {
        String owner = newSubject("owner");
        String id = Fixtures.registerEnterprise(owner);
        try (TopicProbe topic = TopicProbe.of("enterprise.events")) {
            Map<String, Object> need = Fixtures.needBody();
            need.put("termMonths", 361);
            as(Tokens.enterprise(owner)).body(need).post("/api/v1/enterprises/" + id + "/financing-needs")
                    .then().statusCode(400);
            Fixtures.openNeed(owner, id); // a marker that arrives after anything the failed request could send
            topic.await(TopicProbe.ofTypeAndSubject("finmatch.enterprise.FinancingNeedOpened.v1", id));
            // the registration's own event may reach the topic after the probe started: leave it out
            var afterRegistration = topic.seen().stream().filter(r -> id.equals(r.key()))
                    .filter(TopicProbe.ofType("finmatch.enterprise.EnterpriseRegistered.v1").negate()).toList();
            assertEquals(1, afterRegistration.size());
            assertTrue(afterRegistration.get(0).value().contains("\"termMonths\":12"));
        }
    }

    private static JsonNode valid(TopicProbe topic, String event, String enterpriseId) {
        ConsumerRecord<String, String> record = topic.await(
                TopicProbe.ofTypeAndSubject("finmatch.enterprise." + event + ".v1", enterpriseId));
        assertEquals(enterpriseId, record.key());
        return EventSchemas.assertValid(record, SOURCE);
    }
}
