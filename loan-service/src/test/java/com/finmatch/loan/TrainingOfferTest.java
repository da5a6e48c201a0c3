package com.finmatch.loan;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.loan.domain.EnterpriseReplica;
import com.finmatch.testing.EventSchemas;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class TrainingOfferTest {

    private static final String OFFERS = "/api/v1/training-offers";
    private static final String ADMIN = Tokens.admin("admin1");

    private static String offer(int seats) {
        return """
                {"organiser": "深圳证券交易所广东服务基地", "title": "创业板上市培育营", "format": "OFFLINE",
                 "startsOn": "2027-03-10", "endsOn": "2027-03-12", "seats": %d,
                 "rules": [{"field": "listingIntention", "operator": "IN", "value": ["CONSIDERING", "PREPARING"],
                            "hard": true, "weight": 0, "message": {"zh": "有上市意向", "en": "Has a listing intention"}}]}
                """.formatted(seats);
    }

    private static String publish(int seats) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(offer(seats))
                .when().post(OFFERS).then().statusCode(201).body("status", equalTo("OPEN"))
                .body("seatsLeft", equalTo(seats)).extract().path("id");
    }

    /** An offer with three hard entry criteria and one soft preference. */
    private static final String CRITERIA_OFFER = """
            {"organiser": "上海证券交易所", "title": "科创板上市培育班", "format": "OFFLINE",
             "startsOn": "2027-04-01", "endsOn": "2027-04-03", "seats": 10,
             "rules": [
               {"field": "annualRevenue", "operator": "GE", "value": 50000000, "hard": true,
                "message": {"zh": "年营业收入不低于5000万元", "en": "Annual revenue of at least CNY 50m"}},
               {"field": "targetBoard", "operator": "EQ", "value": "STAR", "hard": false, "weight": 40,
                "message": {"zh": "目标板块为科创板优先", "en": "Targeting the STAR Market preferred"}},
               {"field": "tags", "operator": "IN", "value": ["SRDI_LITTLE_GIANT", "HIGH_TECH"], "hard": true,
                "message": {"zh": "须为专精特新小巨人或高新技术企业", "en": "A Little Giant or High-Tech enterprise"}},
               {"field": "listingIntention", "operator": "IN", "value": ["CONSIDERING", "PREPARING"], "hard": true,
                "message": {"zh": "有上市意向", "en": "Has a listing intention"}}]}
            """;

    /** Registers enterprises on enterprise.events and waits until loan-service's replica knows them all. */
    private static void registered(String fieldsJson, String... owners) {
        for (String owner : owners) {
            TestData.enterpriseRegistered(UUID.randomUUID(), owner, fieldsJson);
        }
        List<String> subs = List.of(owners);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> EnterpriseReplica.count("ownerSub in ?1", subs)) == subs.size());
    }

    private static final String PREPARING = "\"listingIntention\": \"PREPARING\"";

    private static int enrol(String id, String enterprise) {
        return given().auth().oauth2(Tokens.enterprise(enterprise)).when().post(OFFERS + "/" + id + "/enrolments")
                .statusCode();
    }

    @Test
    void shouldNeverOverbookUnderConcurrentEnrolment() throws Exception {
        String id = publish(5);
        int enterprises = 20;
        String[] racers = new String[enterprises];
        for (int i = 0; i < enterprises; i++) {
            racers[i] = "racer-" + i + "-" + id;
        }
        registered(PREPARING, racers);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(enterprises);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < enterprises; i++) {
                String sub = racers[i];
                Callable<Integer> enrolment = () -> {
                    start.await();
                    return enrol(id, sub);
                };
                answers.add(pool.submit(enrolment));
            }
            start.countDown();
            int created = 0;
            int full = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                created += status == 201 ? 1 : 0;
                full += status == 409 ? 1 : 0;
            }
            assertEquals(5, created, "exactly as many enrolments as seats");
            assertEquals(15, full, "everyone else hears the offer is full");
        } finally {
            pool.shutdownNow();
        }
        given().when().get(OFFERS + "/" + id).then().body("seatsLeft", equalTo(0));
        given().auth().oauth2(ADMIN).when().get(OFFERS + "/" + id + "/enrolments").then().body("total", equalTo(5));
    }

    @Test
    void shouldAnnounceTheSeatsLeftAfterEachEnrolment() throws Exception {
        registered(PREPARING, "ent-seat-1", "ent-seat-2");
        String id = publish(2);
        try (TopicProbe events = TopicProbe.of("product.events")) {
            assertEquals(201, enrol(id, "ent-seat-1"));
            JsonNode first = EventSchemas.assertValid(events.await(TopicProbe.ofTypeAndSubject(
                    "finmatch.product.TrainingOfferSeatsChanged.v1", id)), "loan-service");
            assertEquals(1, first.get("seatsLeft").asInt());
            assertEquals(2, first.get("seats").asInt());
            assertEquals(201, enrol(id, "ent-seat-2"));
            EventSchemas.assertValid(events.await(r -> id.equals(r.key())
                    && r.value().contains("\"seatsLeft\":0")), "loan-service");
            assertEquals(409, enrol(id, "ent-seat-1"), "already enrolled");
            assertEquals(2, events.seen().stream().filter(r -> id.equals(r.key())
                    && "finmatch.product.TrainingOfferSeatsChanged.v1".equals(TopicProbe.header(r, "ce_type"))).count());
        }
    }

    @Test
    void shouldRefuseASecondEnrolmentOfTheSameEnterprise() {
        registered(PREPARING, "ent-twice");
        String id = publish(3);
        assertEquals(201, enrol(id, "ent-twice"));
        assertEquals(409, enrol(id, "ent-twice"));
        given().when().get(OFFERS + "/" + id).then().body("seatsLeft", equalTo(2));
    }

    @Test
    void shouldAnnouncePublishingAndClosingAndRefuseEnrolmentWhenClosed() throws Exception {
        try (TopicProbe events = TopicProbe.of("product.events")) {
            String id = publish(10);
            JsonNode published = EventSchemas.assertValid(events.await(TopicProbe.ofTypeAndSubject(
                    "finmatch.product.TrainingOfferPublished.v1", id)), "loan-service");
            assertEquals("listingIntention", published.get("rules").get(0).get("field").asText());
            given().auth().oauth2(ADMIN).when().post(OFFERS + "/" + id + "/close").then().statusCode(200)
                    .body("status", equalTo("CLOSED"));
            EventSchemas.assertValid(events.await(TopicProbe.ofTypeAndSubject(
                    "finmatch.product.TrainingOfferClosed.v1", id)), "loan-service");
            given().auth().oauth2(ADMIN).when().post(OFFERS + "/" + id + "/close").then().statusCode(409);
            assertEquals(409, enrol(id, "ent-late"));
        }
    }

    @Test
    void shouldUpdateAnOfferWithIfMatchOnly() {
        registered(PREPARING, "ent-upd");
        String id = publish(4);
        assertEquals(201, enrol(id, "ent-upd"));
        String etag = given().when().get(OFFERS + "/" + id).then().extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(offer(8)).when().put(OFFERS + "/" + id)
                .then().statusCode(428);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(offer(8)).header("If-Match", "\"99\"")
                .when().put(OFFERS + "/" + id).then().statusCode(412);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(offer(8)).header("If-Match", etag)
                .when().put(OFFERS + "/" + id).then().statusCode(200).body("seats", equalTo(8))
                .body("seatsLeft", equalTo(7));
    }

    @Test
    void shouldKeepOfferWritingToAdminsAndEnrolmentToEnterprises() {
        given().auth().oauth2(Tokens.bank("b", "ZQRCB")).contentType(ContentType.JSON).body(offer(3))
                .when().post(OFFERS).then().statusCode(403);
        given().contentType(ContentType.JSON).body(offer(3)).when().post(OFFERS).then().statusCode(401);
        String id = publish(3);
        given().auth().oauth2(ADMIN).when().post(OFFERS + "/" + id + "/enrolments").then().statusCode(403);
        given().when().get(OFFERS).then().statusCode(200);
    }

    @Test
    void shouldEnrolAnEnterpriseThatMeetsTheEntryCriteriaEvenWithoutTheSoftPreference() {
        registered("\"annualRevenue\": 50000000, \"tags\": [\"HIGH_TECH\"], \"listingIntention\": \"CONSIDERING\","
                + " \"targetBoard\": \"CHINEXT\"", "ent-eligible");
        String id = publishCriteriaOffer();
        given().auth().oauth2(Tokens.enterprise("ent-eligible")).when().post(OFFERS + "/" + id + "/enrolments")
                .then().statusCode(201).body("enterpriseSub", equalTo("ent-eligible"))
                .body("enterpriseId", notNullValue());
        given().when().get(OFFERS + "/" + id).then().body("seatsLeft", equalTo(9));
    }

    @Test
    void shouldRefuseAnEnterpriseThatFailsTheEntryCriteriaWith422NamingWhatItLacks() {
        registered("\"annualRevenue\": 30000000, \"tags\": [\"TECH_SME\"], \"listingIntention\": \"PREPARING\"",
                "ent-small");
        String id = publishCriteriaOffer();
        given().auth().oauth2(Tokens.enterprise("ent-small")).when().post(OFFERS + "/" + id + "/enrolments")
                .then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("detail", containsString("does not meet 2 entry criteria"))
                .body("failedRules.size()", equalTo(2))
                .body("failedRules[0].zh", equalTo("年营业收入不低于5000万元"))
                .body("failedRules[0].en", equalTo("Annual revenue of at least CNY 50m"))
                .body("failedRules[1].zh", equalTo("须为专精特新小巨人或高新技术企业"))
                .body("failedRules[1].en", equalTo("A Little Giant or High-Tech enterprise"));
        given().when().get(OFFERS + "/" + id).then().body("seatsLeft", equalTo(10));
        given().auth().oauth2(ADMIN).when().get(OFFERS + "/" + id + "/enrolments").then().body("total", equalTo(0));
    }

    @Test
    void shouldAskAnEnterpriseNotYetReplicatedToRetryWith503AndTakeNoSeat() {
        String id = publish(2);
        given().auth().oauth2(Tokens.enterprise("ent-just-registered")).when()
                .post(OFFERS + "/" + id + "/enrolments")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1")
                .body("status", equalTo(503)).body("detail", containsString("retry in a moment"));
        given().when().get(OFFERS + "/" + id).then().body("seatsLeft", equalTo(2));
        given().auth().oauth2(ADMIN).when().get(OFFERS + "/" + id + "/enrolments").then().body("total", equalTo(0));

        registered(PREPARING, "ent-just-registered");
        assertEquals(201, enrol(id, "ent-just-registered"), "once the profile has arrived, the retry succeeds");
        given().when().get(OFFERS + "/" + id).then().body("seatsLeft", equalTo(1));
    }

    private static String publishCriteriaOffer() {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(CRITERIA_OFFER)
                .when().post(OFFERS).then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldAnswerBadOffersWith400NamingTheFields() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(offer(0)).when().post(OFFERS)
                .then().statusCode(400).body("violations[0].field", equalTo("seats"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(offer(3).replace("\"2027-03-12\"", "\"2027-03-01\"")).when().post(OFFERS)
                .then().statusCode(400).body("violations[0].field", equalTo("endsOn"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(offer(3).replace("\"IN\"", "\"GT\"")).when().post(OFFERS)
                .then().statusCode(400).body("violations[0].field", equalTo("rules[0].operator"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(offer(3).replace("\"2027-03-10\"", "\"10/03/2027\"")).when().post(OFFERS)
                .then().statusCode(400).body("violations[0].field", equalTo("startsOn"));
    }
}
