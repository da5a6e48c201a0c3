package com.finmatch.loan;

import com.finmatch.testing.Tokens;
import com.finmatch.testing.badinput.ApiOperation;
import com.finmatch.testing.badinput.ApiOperations;
import com.finmatch.testing.badinput.BadInputCorpus;
import com.finmatch.testing.badinput.CorpusRun;
import com.finmatch.testing.badinput.DatabaseSnapshot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 §3: a generated corpus of bad requests against every write operation loan-service serves (read from its
 * own /q/openapi): no 5xx, every error problem+json, every 400 naming a field, and nothing stored by a refused request.
 */
@QuarkusTest
@QuarkusTestResource(com.finmatch.testing.ServiceTestResources.class)
class BadInputCorpusTest {

    static final long SEED = 123L;
    static final int PER_JSON_OPERATION = 600;
    static final int PER_OTHER_OPERATION = 20;

    @Inject
    DataSource dataSource;

    @Test
    void shouldAnswerEveryGeneratedBadRequestWithAProblemAndChangeNothing() {
        String bankId = TestData.bankUnique("CORPUS");
        String bank = Tokens.bank("corpus-bank", bankId);
        String admin = Tokens.admin("admin1");
        String enterprise = Tokens.enterprise("corpus-enterprise");
        String product = given().auth().oauth2(bank).contentType(ContentType.JSON)
                .body(TestData.productJson("语料产品")).post("/api/v1/products").then().statusCode(201)
                .extract().path("id");
        String tool = given().auth().oauth2(admin).contentType(ContentType.JSON).body(POLICY_TOOL)
                .post("/api/v1/policy-tools").then().statusCode(201).extract().path("id");
        String offer = given().auth().oauth2(admin).contentType(ContentType.JSON).body(TRAINING_OFFER)
                .post("/api/v1/training-offers").then().statusCode(201).extract().path("id");
        Map<String, String> valid = Map.of(
                "POST /api/v1/products", TestData.productJson("语料产品二"),
                "PUT /api/v1/products/{id}", TestData.productJson("语料产品三"),
                "POST /api/v1/policy-tools", POLICY_TOOL, "PUT /api/v1/policy-tools/{id}", POLICY_TOOL,
                "POST /api/v1/training-offers", TRAINING_OFFER, "PUT /api/v1/training-offers/{id}", TRAINING_OFFER,
                "POST /api/v1/banks", "{\"bankId\": \"" + bankId + "X\", \"name\": \"语料银行\", \"responseHours\": 24}",
                "PUT /api/v1/banks/{bankId}", "{\"bankId\": \"" + bankId + "\", \"name\": \"语料银行\", \"responseHours\": 24}",
                "POST /api/v1/leads/{id}/decisions", "{\"action\": \"RECEIVE\"}",
                "PUT /api/v1/calendar/days/{date}", "{\"kind\": \"HOLIDAY\", \"name\": \"语料节\"}");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"bankId\": \"" + bankId + "\", \"name\": \"语料银行\", \"responseHours\": 24}")
                .post("/api/v1/banks").then().statusCode(201);

        java.util.function.BiFunction<String, String, String> ids = (path, name) -> switch (name) {
            case "bankId" -> bankId;
            case "date" -> "2031-05-06";
            case "id" -> path.startsWith("/api/v1/products/") ? product
                    : path.startsWith("/api/v1/policy-tools/") ? tool
                    : path.startsWith("/api/v1/training-offers/") ? offer : null;
            default -> null;
        };
        DatabaseSnapshot database = DatabaseSnapshot.of(dataSource,
                Set.of("inbox_event", "enterprise_replica", "consent_replica"));
        CorpusRun run = new CorpusRun(database, CorpusRun.firstAdmitted(List.of(bank, admin, enterprise), ids), ids);
        List<ApiOperation> operations = ApiOperations.served();
        List<ApiOperation> writes = operations.stream().filter(ApiOperation::isWrite).toList();
        run.runWrites(operations, new BadInputCorpus(SEED), valid, PER_JSON_OPERATION, PER_OTHER_OPERATION);
        System.out.println("loan-service bad-input corpus (operation, requests, count per status):\n" + run.report());
        assertTrue(writes.size() >= 15, "write operations found in /q/openapi: " + writes);
        assertEquals(List.of(), run.breaches());
    }

    private static final String POLICY_TOOL = "{\"kind\": \"INTEREST_SUBSIDY\", \"name\": \"贴息\", \"subsidyRate\": 1}";
    private static final String TRAINING_OFFER = "{\"organiser\": \"北交所\", \"title\": \"培训\", \"format\": \"ONLINE\","
            + " \"startsOn\": \"2027-01-01\", \"endsOn\": \"2027-01-02\", \"seats\": 5}";
}
