package com.finmatch.loan;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class BankRegistryTest {

    private static final String ADMIN = Tokens.admin("admin1");

    private static String bank(String id, int hours) {
        return "{\"bankId\": \"" + id + "\", \"name\": \"肇庆农村商业银行\", \"responseHours\": " + hours + "}";
    }

    @Test
    void shouldRegisterABankOnceAndListItForAnyone() {
        String id = TestData.bankUnique("REG");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(bank(id, 48)).post("/api/v1/banks")
                .then().statusCode(201).body("responseHours", equalTo(48));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(bank(id, 24)).post("/api/v1/banks")
                .then().statusCode(409);
        given().get("/api/v1/banks?size=200").then().statusCode(200).body("items.bankId", hasItem(id));
        given().get("/api/v1/banks/" + id).then().statusCode(200).body("responseHours", equalTo(48));
    }

    @Test
    void shouldChangeABankPromiseWithIfMatch() {
        String id = TestData.bankUnique("UPD");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(bank(id, 72)).post("/api/v1/banks")
                .then().statusCode(201);
        String etag = given().get("/api/v1/banks/" + id).then().extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(bank(id, 24)).put("/api/v1/banks/" + id)
                .then().statusCode(428);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag)
                .body(bank("OTHER", 24)).put("/api/v1/banks/" + id)
                .then().statusCode(400).body("violations[0].field", equalTo("bankId"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag).body(bank(id, 24))
                .put("/api/v1/banks/" + id).then().statusCode(200).body("responseHours", equalTo(24));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag).body(bank(id, 12))
                .put("/api/v1/banks/" + id).then().statusCode(412);
    }

    @Test
    void shouldKeepTheRegistryToAdminsAndRejectBadBanks() {
        given().auth().oauth2(Tokens.bank("b", "ZQRCB")).contentType(ContentType.JSON).body(bank("ZQRCB", 1))
                .post("/api/v1/banks").then().statusCode(403);
        given().contentType(ContentType.JSON).body(bank("X", 1)).post("/api/v1/banks").then().statusCode(401);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(bank("BAD ID", 0)).post("/api/v1/banks")
                .then().statusCode(400).body("violations.field", hasItem("bankId"))
                .body("violations.field", hasItem("responseHours"));
        given().get("/api/v1/banks/NOBANK").then().statusCode(404);
    }
}
