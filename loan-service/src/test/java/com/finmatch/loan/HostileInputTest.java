package com.finmatch.loan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.badinput.ApiOperation;
import com.finmatch.testing.badinput.ApiOperations;
import com.finmatch.testing.badinput.CorpusRun;
import com.finmatch.testing.badinput.HostileRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The inputs that answered 500 before (issue 12 §3), as an attacker tries them on loan-service: each is a 400 problem
 * naming the field, on every operation it applies to.
 */
@QuarkusTest
@io.quarkus.test.common.QuarkusTestResource(com.finmatch.testing.ServiceTestResources.class)
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bankId = TestData.bankUnique("HOS");
    private final String bank = Tokens.bank("hostile-bank", bankId);
    private final String admin = Tokens.admin("admin1");
    private List<ApiOperation> operations;
    private CorpusRun caller;

    @BeforeEach
    void readTheServedOperations() {
        operations = ApiOperations.served();
        caller = new CorpusRun(null, CorpusRun.firstAdmitted(List.of(bank, admin, Tokens.enterprise("hostile-ent")),
                (path, name) -> null), (path, name) -> null);
    }

    @Test
    void shouldRefuseAPageWhoseRowOffsetOverflowsAnIntOnEveryPagedList() {
        assertEquals(List.of(), HostileRequests.overflowingPages(operations, caller));
    }

    @Test
    void shouldRefuseANumberOfMoreThanAThousandDigitsAndNestingDeeperThanAThousandInEveryBody() {
        assertEquals(List.of(), HostileRequests.oversizedJson(operations, caller));
    }

    @Test
    void shouldRefuseACatalogueAmountWithAHundredThousandDecimals() {
        assertEquals(List.of(), HostileRequests.queryParameter(operations, caller, "amount", "1e-100000"));
        assertEquals(List.of(), HostileRequests.queryParameter(operations, caller, "amount", "1e400"));
    }

    @Test
    void shouldRefuseARuleValueOf1e400NamingIt() throws Exception {
        ObjectNode product = (ObjectNode) JSON.readTree(TestData.productJson("规则溢出"));
        String body = JSON.writeValueAsString(product).replace("\"value\":2", "\"value\":1e400");
        given().auth().oauth2(bank).contentType(ContentType.JSON).body(body).post("/api/v1/products")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItem("rules[0].value"));
    }

    @Test
    void shouldRefuseANulCharacterInEveryTextFieldOfAProductNamingTheField() throws Exception {
        JsonNode product = JSON.readTree(TestData.productJson("零字符"));
        List<String> wrong = new ArrayList<>();
        for (String field : List.of("name", "description", "materialsRequired[0]", "rules[0].message.zh",
                "rules[1].value", "rules[1].field")) {
            ObjectNode spoiled = product.deepCopy();
            setText(spoiled, field, "坏\u0000值");
            var response = given().auth().oauth2(bank).contentType(ContentType.JSON)
                    .body(JSON.writeValueAsString(spoiled)).post("/api/v1/products");
            List<String> fields = response.statusCode() == 400 ? response.jsonPath().getList("violations.field")
                    : List.of();
            if (!fields.contains(field)) {
                wrong.add(field + " → " + response.statusCode() + " " + response.asString());
            }
        }
        String offer = "{\"organiser\": \"北交所\\u0000\", \"title\": \"培训\", \"format\": \"ONLINE\","
                + " \"startsOn\": \"2027-01-01\", \"endsOn\": \"2027-01-02\", \"seats\": 5}";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(offer).post("/api/v1/training-offers")
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("organiser"));
        given().urlEncodingEnabled(false).get("/api/v1/products?bankId=ZQ%00RCB").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("bankId"));
        assertEquals(List.of(), wrong);
    }

    /** Sets the text at a path such as {@code rules[0].message.zh}. */
    private static void setText(JsonNode root, String path, String text) {
        String[] steps = path.replace("[", ".").replace("]", "").split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = steps[i].matches("\\d+") ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (last.matches("\\d+")) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), text);
        } else {
            ((ObjectNode) parent).put(last, text);
        }
    }
}
