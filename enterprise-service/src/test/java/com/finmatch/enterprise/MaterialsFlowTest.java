package com.finmatch.enterprise;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static com.finmatch.enterprise.Fixtures.openNeed;
import static com.finmatch.enterprise.Fixtures.registerEnterprise;
import static com.finmatch.enterprise.Fixtures.sendLeadStatus;
import static com.finmatch.enterprise.Fixtures.submitApplication;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Materials: a product's checklist before applying, and a bank's 补件 request answered by the owner. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class MaterialsFlowTest {

    private static final String BANK = "ZQRCB";
    private static final String SUBMITTED = "finmatch.application.MaterialsSubmitted.v1";

    /** Publishes, as loan-service does, a product asking for these materials (codes or free text). */
    static String productAsking(String... materials) {
        String productId = UUID.randomUUID().toString();
        String payload = """
                {"productId":"%s","bankId":"%s","name":"科技贷 %s","type":"TECH_LOAN","minAmount":100000,
                 "maxAmount":10000000,"minTermMonths":6,"maxTermMonths":36,"minAnnualRate":3.1,"maxAnnualRate":4.5,
                 "lprSpreadBps":null,"guaranteeTypes":["CREDIT"],"rules":[],"policyToolIds":[],
                 "validFrom":"2026-01-01","validTo":null,"status":"PUBLISHED","version":1,"description":"",
                 "materialsRequired":%s}
                """.formatted(productId, BANK, BANK, Fixtures.json(List.of(materials)));
        String type = "finmatch.product.ProductPublished.v1";
        Fixtures.conform(type, payload);
        Fixtures.send("product.events", productId, type, "loan-service", payload);
        Fixtures.awaitProductStatus(productId, "PUBLISHED");
        return productId;
    }

    static void upload(String owner, String enterpriseId, String kind) {
        DocumentsTest.upload(owner, enterpriseId, kind, kind + ".pdf", DocumentsTest.pdf(2048), "application/pdf")
                .then().statusCode(201);
    }

    static void requestMaterials(String applicationId, String productId, String previous, String note,
            String... kinds) {
        sendLeadStatus(applicationId, productId, BANK, "MATERIALS_REQUESTED", Map.of("previousStatus", previous,
                "note", note, "materials", List.of(kinds)));
    }

    @Test
    void theChecklistBeforeApplyingSaysPerItemOfTheProductWhetherTheEnterpriseHasUploadedIt() {
        String owner = newSubject("mat");
        String enterpriseId = registerEnterprise(owner);
        String productId = productAsking("BUSINESS_LICENSE", "近两年财务报表", "纳税证明", "环评批复");
        upload(owner, enterpriseId, "FINANCIAL_STATEMENT");
        String checklist = "/api/v1/enterprises/" + enterpriseId + "/materials-checklist?productId=" + productId;
        as(Tokens.enterprise(owner)).get(checklist).then().statusCode(200)
                .body("productId", equalTo(productId)).body("applicationId", nullValue())
                .body("complete", equalTo(false))
                .body("items.kind", equalTo(List.of("BUSINESS_LICENSE", "FINANCIAL_STATEMENT", "TAX_CERTIFICATE",
                        "OTHER")))
                .body("items.text", equalTo(java.util.Arrays.asList(null, "近两年财务报表", "纳税证明", "环评批复")))
                .body("items.provided", equalTo(List.of(false, true, false, false)))
                .body("items[0].labelZh", equalTo("营业执照")).body("items[0].labelEn", equalTo("Business licence"));
        upload(owner, enterpriseId, "BUSINESS_LICENSE");
        upload(owner, enterpriseId, "TAX_CERTIFICATE");
        upload(owner, enterpriseId, "OTHER");
        as(Tokens.enterprise(owner)).get(checklist).then().statusCode(200).body("complete", equalTo(true));

        // another enterprise's checklist, an unknown product, a bad id: 404 / 404 / 400; no role: 403
        String other = newSubject("mat-other");
        registerEnterprise(other);
        as(Tokens.enterprise(other)).get(checklist).then().statusCode(404);
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + enterpriseId + "/materials-checklist?productId="
                + UUID.randomUUID()).then().statusCode(404);
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + enterpriseId + "/materials-checklist?productId=x")
                .then().statusCode(400);
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + enterpriseId + "/materials-checklist")
                .then().statusCode(400);
        as(Tokens.bank("bank-user", BANK)).get(checklist).then().statusCode(403);
    }

    @Test
    void aBanksRequestShowsTheListAndMessageAndTheOwnersAnswerAfterUploadingGoesToTheBank() {
        String owner = newSubject("mat");
        String enterpriseId = registerEnterprise(owner);
        String productId = productAsking("BUSINESS_LICENSE");
        String id = submitApplication(owner, openNeed(owner, enterpriseId), productId);
        String ownerToken = Tokens.enterprise(owner);
        // a statement uploaded before the request does not answer it
        upload(owner, enterpriseId, "BANK_STATEMENT");
        sendLeadStatus(id, productId, BANK, "RECEIVED");
        Fixtures.awaitApplicationStatus(owner, id, "RECEIVED");
        await().pollDelay(Duration.ofMillis(50)).until(() -> true);
        requestMaterials(id, productId, "RECEIVED", "请补充近6个月银行流水和纳税证明", "BANK_STATEMENT", "TAX_CERTIFICATE");
        Fixtures.awaitApplicationStatus(owner, id, "MATERIALS_REQUESTED");
        as(ownerToken).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("materialsRequested", equalTo(List.of("BANK_STATEMENT", "TAX_CERTIFICATE")))
                .body("history[-1].note", equalTo("请补充近6个月银行流水和纳税证明"));
        as(ownerToken).get("/api/v1/applications/" + id + "/materials-checklist").then().statusCode(200)
                .body("message", equalTo("请补充近6个月银行流水和纳税证明"))
                .body("items.kind", equalTo(List.of("BANK_STATEMENT", "TAX_CERTIFICATE")))
                .body("items.provided", equalTo(List.of(false, false))).body("complete", equalTo(false));

        // not yet uploaded: 409 naming what is missing, and nothing is sent
        as(ownerToken).post("/api/v1/applications/" + id + "/materials-submitted").then().statusCode(409)
                .body("detail", containsString("BANK_STATEMENT"));
        upload(owner, enterpriseId, "BANK_STATEMENT");
        upload(owner, enterpriseId, "TAX_CERTIFICATE");

        // another enterprise, a bank, an administrator: 404 / 403 / 403, and the application does not move
        String stranger = newSubject("mat-stranger");
        registerEnterprise(stranger);
        as(Tokens.enterprise(stranger)).post("/api/v1/applications/" + id + "/materials-submitted").then()
                .statusCode(404);
        as(Tokens.enterprise(stranger)).get("/api/v1/applications/" + id + "/materials-checklist").then()
                .statusCode(404);
        as(Tokens.bank("bank-user", BANK)).post("/api/v1/applications/" + id + "/materials-submitted").then()
                .statusCode(403);
        as(Tokens.admin("admin1")).post("/api/v1/applications/" + id + "/materials-submitted").then()
                .statusCode(403);
        as(ownerToken).get("/api/v1/applications/" + id).then().body("status", equalTo("MATERIALS_REQUESTED"));

        try (TopicProbe applications = TopicProbe.of("application.events")) {
            as(ownerToken).post("/api/v1/applications/" + id + "/materials-submitted").then().statusCode(200)
                    .body("status", equalTo("UNDER_REVIEW")).body("materialsRequested", empty());
            JsonNode event = EventSchemas.assertValid(applications.await(TopicProbe.ofTypeAndSubject(SUBMITTED, id)),
                    "enterprise-service");
            assertEquals(enterpriseId, event.get("enterpriseId").asText());
            assertEquals(BANK, event.get("bankId").asText());
            assertEquals("[\"BANK_STATEMENT\",\"TAX_CERTIFICATE\"]", event.get("materials").toString());
            // answered already: 409, and still one event
            as(ownerToken).post("/api/v1/applications/" + id + "/materials-submitted").then().statusCode(409);
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
            assertEquals(1, applications.seen().stream().filter(TopicProbe.ofTypeAndSubject(SUBMITTED, id)).count());
        }
        // loan-service's echo (the lead UNDER_REVIEW again) adds nothing; a second request opens a new round
        sendLeadStatus(id, productId, BANK, "UNDER_REVIEW", Map.of("previousStatus", "MATERIALS_REQUESTED"));
        requestMaterials(id, productId, "UNDER_REVIEW", "营业执照副本不清晰", "BUSINESS_LICENSE");
        Fixtures.awaitApplicationStatus(owner, id, "MATERIALS_REQUESTED");
        as(ownerToken).get("/api/v1/applications/" + id).then()
                .body("history.status", equalTo(List.of("SUBMITTED", "RECEIVED", "MATERIALS_REQUESTED",
                        "UNDER_REVIEW", "MATERIALS_REQUESTED")))
                .body("materialsRequested", equalTo(List.of("BUSINESS_LICENSE")));
        // the bank may decline while it waits
        sendLeadStatus(id, productId, BANK, "DECLINED", Map.of("previousStatus", "MATERIALS_REQUESTED",
                "reasonCode", "INCOMPLETE_MATERIALS"));
        Fixtures.awaitApplicationStatus(owner, id, "DECLINED");
        as(ownerToken).get("/api/v1/applications/" + id).then().body("materialsRequested", empty());
    }

    @Test
    void aRequestWithoutValidMaterialsIsNoLegalEventAndChangesNothing() {
        String owner = newSubject("mat");
        String enterpriseId = registerEnterprise(owner);
        String productId = productAsking("BUSINESS_LICENSE");
        String id = submitApplication(owner, openNeed(owner, enterpriseId), productId);
        sendLeadStatus(id, productId, BANK, "MATERIALS_REQUESTED", Map.of("previousStatus", "SUBMITTED",
                "note", "x"));
        sendLeadStatus(id, productId, BANK, "RECEIVED");
        Fixtures.awaitApplicationStatus(owner, id, "RECEIVED");
        as(Tokens.enterprise(owner)).get("/api/v1/applications/" + id).then()
                .body("history.status", equalTo(List.of("SUBMITTED", "RECEIVED")));
    }
}
