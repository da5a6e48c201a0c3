package com.finmatch.enterprise;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.enterprise.api.EnterpriseView;
import com.finmatch.enterprise.domain.DataCategory;
import com.finmatch.enterprise.event.EnterpriseEvents;
import com.finmatch.platform.contracts.DataCategories;
import com.finmatch.testing.EventSchemas;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static com.finmatch.enterprise.Fixtures.openNeed;
import static com.finmatch.enterprise.Fixtures.publishProduct;
import static com.finmatch.enterprise.Fixtures.registerEnterprise;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consent where the enterprise acts: POST /applications may grant the product's bank a consent in the same
 * transaction; reads by banks elsewhere (matching-service) reach the access log; one definition of the categories.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class ConsentOnApplyTest {

    private static final String BANK = "ZQRCB";

    @Test
    void shouldGrantTheProductsBankTheChosenCategoriesWhenApplyingWithConsent() {
        String owner = newSubject("owner");
        String enterpriseId = registerEnterprise(owner);
        String needId = openNeed(owner, enterpriseId);
        String bank = "APPLY" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String productId = publishProduct(bank);
        String expiresAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        try (TopicProbe topic = TopicProbe.of("enterprise.events")) {
            as(Tokens.enterprise(owner))
                    .body(Map.of("financingNeedId", needId, "productId", productId,
                            "consent", Map.of("categories", List.of("PROFILE", "FINANCIALS"), "expiresAt", expiresAt)))
                    .post("/api/v1/applications").then().statusCode(201).body("bankId", equalTo(bank));
            JsonNode granted = EventSchemas.assertValid(topic.await(TopicProbe.ofTypeAndSubject(
                    EnterpriseEvents.CONSENT_GRANTED, enterpriseId)), "enterprise-service");
            assertEquals(bank, granted.get("bankId").asText());
            assertEquals("[\"PROFILE\",\"FINANCIALS\"]", granted.get("categories").toString());
        }
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + enterpriseId + "/consents").then()
                .body("total", equalTo(1))
                .body("items[0].bankId", equalTo(bank))
                .body("items[0].categories", equalTo(List.of("PROFILE", "FINANCIALS")))
                .body("items[0].active", equalTo(true));
        // the bank now sees the profile with financials but no contacts, and the read is logged
        given().auth().oauth2(Tokens.bank("officer-1", bank)).get("/api/v1/enterprises/" + enterpriseId).then()
                .statusCode(200).body("netProfit", equalTo(4340000.0f)).body("$", not(hasKey("contactPhone")));
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + enterpriseId + "/access-log").then()
                .body("total", equalTo(1)).body("items[0].bankId", equalTo(bank));
    }

    @Test
    void shouldGrantProfileForNinetyDaysWhenTheConsentNamesNothing() {
        String owner = newSubject("owner");
        String enterpriseId = registerEnterprise(owner);
        String productId = publishProduct(BANK);
        as(Tokens.enterprise(owner))
                .body(Map.of("financingNeedId", openNeed(owner, enterpriseId), "productId", productId,
                        "consent", Map.of()))
                .post("/api/v1/applications").then().statusCode(201);
        String expires = as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + enterpriseId + "/consents")
                .then().body("total", equalTo(1)).body("items[0].bankId", equalTo(BANK))
                .body("items[0].categories", equalTo(List.of("PROFILE"))).extract().path("items[0].expiresAt");
        long days = Duration.between(Instant.now(), Instant.parse(expires)).toDays();
        assertTrue(days >= 89 && days <= 90, "a consent given on applying lasts 90 days by default, not " + days);
    }

    @Test
    void shouldGrantNothingWhenApplyingWithoutConsentSoTheBankGetsAnAnonymousLead() {
        String owner = newSubject("owner");
        String enterpriseId = registerEnterprise(owner);
        Fixtures.submitApplication(owner, openNeed(owner, enterpriseId), publishProduct(BANK));
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + enterpriseId + "/consents").then()
                .body("total", equalTo(0));
        given().auth().oauth2(Tokens.bank("officer-1", BANK)).get("/api/v1/enterprises/" + enterpriseId).then()
                .statusCode(404);
    }

    @Test
    void shouldRecordNeitherApplicationNorConsentWhenTheConsentIsInvalid() {
        String owner = newSubject("owner");
        String enterpriseId = registerEnterprise(owner);
        String needId = openNeed(owner, enterpriseId);
        String productId = publishProduct(BANK);
        as(Tokens.enterprise(owner))
                .body(Map.of("financingNeedId", needId, "productId", productId, "consent",
                        Map.of("expiresAt", Instant.now().plus(4000, ChronoUnit.DAYS).toString())))
                .post("/api/v1/applications").then().statusCode(400)
                .body("violations.field", equalTo(List.of("consent.expiresAt")));
        as(Tokens.enterprise(owner))
                .body(Map.of("financingNeedId", needId, "productId", productId, "consent",
                        Map.of("categories", List.of("PHOTOS"))))
                .post("/api/v1/applications").then().statusCode(400);
        as(Tokens.enterprise(owner))
                .body(Map.of("financingNeedId", needId, "productId", productId, "consent",
                        Map.of("expiresAt", Instant.now().minus(1, ChronoUnit.DAYS).toString())))
                .post("/api/v1/applications").then().statusCode(400);
        as(Tokens.enterprise(owner)).get("/api/v1/applications/mine").then().body("total", equalTo(0));
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + enterpriseId + "/consents").then()
                .body("total", equalTo(0));
    }

    @Test
    void shouldLogABanksReadOfMatchesThatMatchingServiceReports() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        String payload = Fixtures.json(Map.of("enterpriseId", id, "bankId", BANK, "readBy", "bank-officer-9",
                "categories", List.of("PROFILE"), "resource", "GET /api/v1/matches",
                "at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        Fixtures.conform("finmatch.match.EnterpriseDataRead.v1", payload);
        Fixtures.send("match.events", id, "finmatch.match.EnterpriseDataRead.v1", "matching-service", payload);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(Tokens.enterprise(owner))
                .get("/api/v1/enterprises/" + id + "/access-log").then().extract().<Integer>path("total") == 1);
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id + "/access-log").then()
                .body("items[0].bankId", equalTo(BANK))
                .body("items[0].subject", equalTo("bank-officer-9"))
                .body("items[0].categories", equalTo(List.of("PROFILE")))
                .body("items[0].resource", equalTo("GET /api/v1/matches (matching-service)"));
    }

    @Test
    void shouldPutEveryFieldOfTheProfileInExactlyTheCategoryTheContractNames() {
        assertEquals(Arrays.stream(DataCategory.values()).map(Enum::name).toList(), DataCategories.get().codes());
        Set<String> viewFields = Arrays.stream(EnterpriseView.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).collect(Collectors.toSet());
        Set<String> defined = new HashSet<>();
        DataCategories.get().all().forEach(c -> defined.addAll(c.fields()));
        Set<String> undefined = new HashSet<>(viewFields);
        undefined.removeAll(defined);
        assertEquals(Set.of(), undefined, "fields of the profile that no category names (no bank would see them)");
        Set<String> eventFields = Arrays.stream(EnterpriseEvents.EnterpriseProfile.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).filter(f -> !defined.contains(f))
                .collect(Collectors.toSet());
        assertEquals(Set.of("ownerSub"), eventFields, "only the owner's user id is never shown to a bank");
    }

    @Test
    void shouldServeTheCategoryDefinitionAsReferenceData() {
        given().get("/api/v1/reference/data-categories").then().statusCode(200)
                .body("code", equalTo(List.of("PROFILE", "FINANCIALS", "CONTACTS", "DOCUMENTS")))
                .body("[1].fields", equalTo(List.of("annualRevenue", "revenueGrowth", "netProfit", "totalAssets",
                        "totalLiabilities", "taxPaid", "rdRatio")))
                .body("[2].fields", equalTo(List.of("contactName", "contactPhone", "contactEmail")));
    }
}
