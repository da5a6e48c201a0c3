package com.finmatch.loan;

import com.finmatch.testing.EventSchemas;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class ProductApiTest {

    private static final String PRODUCTS = "/api/v1/products";

    private static String create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(PRODUCTS)
                .then().statusCode(201).extract().path("id");
    }

    private static Response move(String token, String id, String move) {
        return given().auth().oauth2(token).when().post(PRODUCTS + "/" + id + "/" + move);
    }

    @Test
    void shouldCreateAProductOwnedByTheBankOfAClientCredentialsToken() {
        String bank = TestData.bankUnique("CC");
        String client = Tokens.token("service-account-bank-" + bank.toLowerCase(), List.of("bank"),
                Map.of("bank_id", bank, "azp", "bank-" + bank.toLowerCase()));
        String body = TestData.productJson("专精特新信用贷").replaceFirst("\\{", "{\"bankId\": \"SOMEONE_ELSE\", ");
        Response created = given().auth().oauth2(client).contentType(ContentType.JSON).body(body)
                .when().post(PRODUCTS);
        created.then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/products/" + created.path("id")))
                .body("bankId", equalTo(bank))
                .body("status", equalTo("DRAFT"))
                .body("rules.size()", equalTo(2))
                .body("rules[1].weight", equalTo(30));
        given().auth().oauth2(client).when().get(PRODUCTS + "/" + created.path("id"))
                .then().statusCode(200).body("bankId", equalTo(bank)).header("ETag", notNullValue());
    }

    @Test
    void shouldShowTheMaterialsRequiredAsTypedKindsWhetherWrittenAsCodesOrAsFreeText() {
        String bank = Tokens.bank("bank-user", TestData.bankUnique("MK"));
        String body = TestData.productJson("材料贷").replace("\"materialsRequired\": [\"营业执照\", \"近两年财务报表\"]",
                "\"materialsRequired\": [\"营业执照\", \"TAX_CERTIFICATE\", \"环评批复\"]");
        String id = create(bank, body);
        given().auth().oauth2(bank).when().get(PRODUCTS + "/" + id).then().statusCode(200)
                .body("materialsRequired", equalTo(List.of("营业执照", "TAX_CERTIFICATE", "环评批复")))
                .body("materials.kind", equalTo(List.of("BUSINESS_LICENSE", "TAX_CERTIFICATE", "OTHER")))
                .body("materials.text", equalTo(java.util.Arrays.asList("营业执照", null, "环评批复")))
                .body("materials[1].labelZh", equalTo("纳税证明"))
                .body("materials[1].labelEn", equalTo("Tax certificate"));
    }

    @Test
    void shouldWalkTheLifecycleAndRefuseIllegalMovesWith409() {
        String bank = Tokens.bank("bank-user", TestData.bankUnique("LC"));
        String id = create(bank, TestData.productJson("技改贷"));
        move(bank, id, "suspend").then().statusCode(409).contentType("application/problem+json");
        move(bank, id, "publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        move(bank, id, "publish").then().statusCode(409);
        move(bank, id, "suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        move(bank, id, "suspend").then().statusCode(409);
        move(bank, id, "publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        move(bank, id, "withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        move(bank, id, "publish").then().statusCode(409);
        move(bank, id, "suspend").then().statusCode(409);
        move(bank, id, "withdraw").then().statusCode(409);
        given().auth().oauth2(bank).header("If-Match", "\"5\"").contentType(ContentType.JSON)
                .body(TestData.productJson("技改贷")).when().put(PRODUCTS + "/" + id)
                .then().statusCode(409);
    }

    @Test
    void shouldWithdrawADraftDirectly() {
        String bank = Tokens.bank("bank-user", TestData.bankUnique("WD"));
        String id = create(bank, TestData.productJson("草稿"));
        move(bank, id, "withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void shouldGiveAChangedPublishedProductANewVersionAndAnnounceIt() throws Exception {
        String bankId = TestData.bankUnique("VS");
        String bank = Tokens.bank("bank-user", bankId);
        String id = create(bank, TestData.productJson("供应链贷", "SUPPLY_CHAIN", 100000, 5000000, ""));
        try (TopicProbe products = TopicProbe.of("product.events")) {
            int published = move(bank, id, "publish").then().statusCode(200).extract().path("version");
            JsonNode publishedEvent = EventSchemas.assertValid(products.await(
                    TopicProbe.ofTypeAndSubject("finmatch.product.ProductPublished.v1", id)), "loan-service");
            assertEquals(published, publishedEvent.get("version").asInt());
            assertEquals(bankId, publishedEvent.get("bankId").asText());
            assertEquals("yearsInBusiness", publishedEvent.get("rules").get(0).get("field").asText());

            String etag = given().when().get(PRODUCTS + "/" + id).then().statusCode(200).extract().header("ETag");
            assertEquals("\"" + published + "\"", etag);
            int updated = given().auth().oauth2(bank).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(TestData.productJson("供应链贷 2.0", "SUPPLY_CHAIN", 100000, 8000000, ""))
                    .when().put(PRODUCTS + "/" + id)
                    .then().statusCode(200)
                    .body("name", equalTo("供应链贷 2.0"))
                    .body("status", equalTo("PUBLISHED"))
                    .extract().path("version");
            assertEquals(published + 1, updated);
            JsonNode updatedEvent = EventSchemas.assertValid(products.await(
                    TopicProbe.ofTypeAndSubject("finmatch.product.ProductUpdated.v1", id)), "loan-service");
            assertEquals(updated, updatedEvent.get("version").asInt());
            assertEquals(8000000, updatedEvent.get("maxAmount").asInt());

            given().when().get(PRODUCTS + "/" + id + "/versions").then().statusCode(200)
                    .body("total", equalTo(2))
                    .body("items.size()", equalTo(2))
                    .body("items[0].name", equalTo("供应链贷"))
                    .body("items[1].name", equalTo("供应链贷 2.0"));
            given().queryParam("page", 1).queryParam("size", 1).when().get(PRODUCTS + "/" + id + "/versions")
                    .then().statusCode(200)
                    .body("page", equalTo(1)).body("size", equalTo(1)).body("total", equalTo(2))
                    .body("items.size()", equalTo(1))
                    .body("items[0].name", equalTo("供应链贷 2.0"));
            given().queryParam("size", 201).when().get(PRODUCTS + "/" + id + "/versions")
                    .then().statusCode(400).contentType("application/problem+json");

            move(bank, id, "suspend").then().statusCode(200);
            EventSchemas.assertValid(products.await(
                    TopicProbe.ofTypeAndSubject("finmatch.product.ProductSuspended.v1", id)), "loan-service");
            move(bank, id, "withdraw").then().statusCode(200);
            EventSchemas.assertValid(products.await(
                    TopicProbe.ofTypeAndSubject("finmatch.product.ProductWithdrawn.v1", id)), "loan-service");
        }
    }

    @Test
    void shouldNotAnnounceChangesToADraft() {
        String bank = Tokens.bank("bank-user", TestData.bankUnique("DR"));
        String id = create(bank, TestData.productJson("草稿贷"));
        try (TopicProbe products = TopicProbe.of("product.events")) {
            given().auth().oauth2(bank).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                    .body(TestData.productJson("草稿贷 v2")).when().put(PRODUCTS + "/" + id)
                    .then().statusCode(200).body("version", equalTo(1));
            move(bank, id, "publish").then().statusCode(200);
            products.await(TopicProbe.ofTypeAndSubject("finmatch.product.ProductPublished.v1", id));
            assertEquals(0, products.seen().stream()
                    .filter(TopicProbe.ofTypeAndSubject("finmatch.product.ProductUpdated.v1", id)).count());
        }
    }

    @Test
    void shouldRequireIfMatchAndRefuseAStaleOne() {
        String bank = Tokens.bank("bank-user", TestData.bankUnique("IM"));
        String id = create(bank, TestData.productJson("抵押贷"));
        given().auth().oauth2(bank).contentType(ContentType.JSON).body(TestData.productJson("x"))
                .when().put(PRODUCTS + "/" + id).then().statusCode(428);
        given().auth().oauth2(bank).header("If-Match", "\"7\"").contentType(ContentType.JSON)
                .body(TestData.productJson("x")).when().put(PRODUCTS + "/" + id).then().statusCode(412);
        given().auth().oauth2(bank).when().get(PRODUCTS + "/" + id).then().body("name", equalTo("抵押贷"));
    }

    @Test
    void shouldKeepBankBFromSeeingOrTouchingBankADrafts() {
        String bankA = Tokens.bank("a-user", TestData.bankUnique("A"));
        String bankB = Tokens.bank("b-user", TestData.bankUnique("B"));
        String draft = create(bankA, TestData.productJson("A的草稿"));
        given().auth().oauth2(bankB).when().get(PRODUCTS + "/" + draft).then().statusCode(404);
        given().when().get(PRODUCTS + "/" + draft).then().statusCode(404);
        given().auth().oauth2(Tokens.enterprise("ent1")).when().get(PRODUCTS + "/" + draft).then().statusCode(404);
        move(bankB, draft, "publish").then().statusCode(404);
        move(bankB, draft, "withdraw").then().statusCode(404);
        move(bankB, draft, "suspend").then().statusCode(404);
        given().auth().oauth2(bankB).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(TestData.productJson("hijack")).when().put(PRODUCTS + "/" + draft).then().statusCode(404);
        given().auth().oauth2(bankB).when().get(PRODUCTS + "?status=DRAFT&size=200")
                .then().statusCode(200).body("items.id", not(hasItem(draft)));
        given().auth().oauth2(bankA).when().get(PRODUCTS + "?status=DRAFT&size=200")
                .then().statusCode(200).body("items.id", hasItem(draft));
        given().auth().oauth2(Tokens.admin("admin1")).when().get(PRODUCTS + "/" + draft)
                .then().statusCode(200).body("name", equalTo("A的草稿"));
        given().auth().oauth2(bankA).when().get(PRODUCTS + "/" + draft).then().statusCode(200);
    }

    @Test
    void shouldLetAnAdminSuspendButNotPublishAnyProduct() {
        String bank = Tokens.bank("bank-user", TestData.bankUnique("AS"));
        String id = create(bank, TestData.productJson("政策贷"));
        move(bank, id, "publish").then().statusCode(200);
        move(Tokens.admin("admin1"), id, "suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        move(Tokens.admin("admin1"), id, "publish").then().statusCode(403);
        move(Tokens.bank("other", TestData.bankUnique("OT")), id, "publish").then().statusCode(404);
    }

    @Test
    void shouldLetOnlyBanksCreateProducts() {
        given().auth().oauth2(Tokens.enterprise("ent1")).contentType(ContentType.JSON)
                .body(TestData.productJson("x")).when().post(PRODUCTS).then().statusCode(403);
        given().auth().oauth2(Tokens.admin("admin1")).contentType(ContentType.JSON)
                .body(TestData.productJson("x")).when().post(PRODUCTS).then().statusCode(403);
        given().contentType(ContentType.JSON).body(TestData.productJson("x")).when().post(PRODUCTS)
                .then().statusCode(401);
    }

    @Test
    void shouldAnswerABadRuleWith400NamingItAndStoreNothing() {
        String bankId = TestData.bankUnique("BR");
        String bank = Tokens.bank("bank-user", bankId);
        String badOperator = "{\"field\": \"districtCode\", \"operator\": \"GT\", \"value\": \"441202\","
                + " \"hard\": true, \"weight\": 0, \"message\": {\"zh\": \"区\", \"en\": \"district\"}},";
        given().auth().oauth2(bank).contentType(ContentType.JSON)
                .body(TestData.productJson("坏规则", "CREDIT_LOAN", 1, 2, badOperator))
                .when().post(PRODUCTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("rules[0].operator"));
        String unknownField = "{\"field\": \"shoeSize\", \"operator\": \"GE\", \"value\": 2,"
                + " \"hard\": true, \"weight\": 0, \"message\": {\"zh\": \"鞋\", \"en\": \"shoe\"}},";
        given().auth().oauth2(bank).contentType(ContentType.JSON)
                .body(TestData.productJson("坏规则", "CREDIT_LOAN", 1, 2, unknownField))
                .when().post(PRODUCTS)
                .then().statusCode(400).body("violations[0].field", equalTo("rules[0].field"));
        given().auth().oauth2(bank).when().get(PRODUCTS + "?status=DRAFT")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldAnswerBadInputWith400NamingTheFields() {
        String bank = Tokens.bank("bank-user", TestData.bankUnique("BI"));
        given().auth().oauth2(bank).contentType(ContentType.JSON)
                .body(TestData.productJson("反了", "CREDIT_LOAN", 9000, 100, ""))
                .when().post(PRODUCTS)
                .then().statusCode(400).body("violations.field", hasItem("maxAmount"));
        given().auth().oauth2(bank).contentType(ContentType.JSON)
                .body(TestData.productJson("x").replace("\"CREDIT_LOAN\"", "\"PAYDAY_LOAN\""))
                .when().post(PRODUCTS)
                .then().statusCode(400).body("violations[0].field", equalTo("type"));
        given().auth().oauth2(bank).contentType(ContentType.JSON)
                .body(TestData.productJson("x").replace("\"minAmount\": 500000", "\"minAmount\": 500000.123"))
                .when().post(PRODUCTS)
                .then().statusCode(400).body("violations.field", hasItem("minAmount"));
        given().auth().oauth2(bank).contentType(ContentType.JSON)
                .body(TestData.productJson("x").replace("\"guaranteeTypes\": [\"CREDIT\"]", "\"guaranteeTypes\": []"))
                .when().post(PRODUCTS)
                .then().statusCode(400).body("violations.field", hasItem("guaranteeTypes"));
        given().auth().oauth2(bank).contentType(ContentType.JSON)
                .body(TestData.productJson("x").replace("\"policyToolIds\"", "\"x\"")
                        .replaceFirst("\\{", "{\"policyToolIds\": [\"" + java.util.UUID.randomUUID() + "\"], "))
                .when().post(PRODUCTS)
                .then().statusCode(400).body("violations[0].field", equalTo("policyToolIds[0]"));
        given().auth().oauth2(bank).contentType(ContentType.JSON).body("{\"name\": ")
                .when().post(PRODUCTS).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(bank).contentType(ContentType.JSON).body("[1, 2]")
                .when().post(PRODUCTS).then().statusCode(400);
        given().auth().oauth2(bank).contentType(ContentType.JSON).body("")
                .when().post(PRODUCTS).then().statusCode(400);
        given().auth().oauth2(bank).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"rules\": [{\"value\": {\"deep\": [1, {\"x\": null}]}}]}")
                .when().post(PRODUCTS).then().statusCode(400);
        given().auth().oauth2(bank).when().get(PRODUCTS + "?status=DRAFT")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldAnswerAnUnknownProductWith404() {
        given().when().get(PRODUCTS + "/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get(PRODUCTS + "/not-a-uuid").then().statusCode(404);
    }
}
