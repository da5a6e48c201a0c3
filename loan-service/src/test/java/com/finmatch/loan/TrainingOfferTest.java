package com.finmatch.loan;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.testing.EventSchemas;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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

    private static int enrol(String id, String enterprise) {
        return given().auth().oauth2(Tokens.enterprise(enterprise)).when().post(OFFERS + "/" + id + "/enrolments")
                .statusCode();
    }

    @Test
    void shouldNeverOverbookUnderConcurrentEnrolment() throws Exception {
        String id = publish(5);
        int enterprises = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(enterprises);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < enterprises; i++) {
                String sub = "racer-" + i + "-" + id;
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
    void shouldRefuseASecondEnrolmentOfTheSameEnterprise() {
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
