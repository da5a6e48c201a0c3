package com.finmatch.enterprise;

import com.finmatch.testing.Tokens;
import com.finmatch.testing.badinput.ApiOperation;
import com.finmatch.testing.badinput.ApiOperations;
import com.finmatch.testing.badinput.CorpusRun;
import com.finmatch.testing.badinput.HostileRequests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The inputs that answered 500 before (issue 12 §3), as an attacker tries them on enterprise-service: each is a 400
 * problem naming the field, on every operation it applies to.
 */
@QuarkusTest
@QuarkusTestResource(com.finmatch.testing.ServiceTestResources.class)
class HostileInputTest {

    private final String owner = newSubject("hostile");
    private String enterpriseId;

    @org.junit.jupiter.api.BeforeEach
    void registerTheCallersEnterprise() {
        enterpriseId = Fixtures.registerEnterprise(owner);
    }

    private CorpusRun caller() {
        java.util.function.BiFunction<String, String, String> ids = (path, name) -> name.equals("id")
                && path.startsWith("/api/v1/enterprises/") ? enterpriseId : null;
        return new CorpusRun(null, CorpusRun.firstAdmitted(List.of(Tokens.enterprise(owner), Tokens.admin("admin1"),
                Tokens.bank("hostile-bank", "ZQRCB")), ids), ids);
    }

    @Test
    void shouldRefuseAPageWhoseRowOffsetOverflowsAnIntOnEveryPagedList() {
        List<ApiOperation> operations = ApiOperations.served();
        assertEquals(List.of(), HostileRequests.overflowingPages(operations, caller()));
    }

    @Test
    void shouldRefuseANumberOfMoreThanAThousandDigitsAndNestingDeeperThanAThousandInEveryBody() {
        assertEquals(List.of(), HostileRequests.oversizedJson(ApiOperations.served(), caller()));
    }

    @Test
    void shouldRefuseDatesBeyondTheYear9999NamingTheField() {
        Map<String, Object> need = new HashMap<>(Fixtures.needBody());
        need.put("neededBy", "+999999999-12-31");
        as(Tokens.enterprise(owner)).body(need).post("/api/v1/enterprises/" + enterpriseId + "/financing-needs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("neededBy"));
        Map<String, Object> enterprise = Fixtures.enterpriseBody(Fixtures.uscc());
        enterprise.put("foundedOn", "-999999999-01-01");
        as(Tokens.enterprise(newSubject("hostile-old"))).body(enterprise).post("/api/v1/enterprises")
                .then().statusCode(400).body("violations.field", hasItem("foundedOn"));
        as(Tokens.enterprise(owner)).body(Map.of("bankId", "ZQRCB", "categories", List.of("PROFILE"),
                        "expiresAt", "+999999999-12-31T00:00:00Z"))
                .post("/api/v1/enterprises/" + enterpriseId + "/consents")
                .then().statusCode(400).body("violations.field", hasItem("expiresAt"));
    }

    @Test
    void shouldRefuseControlCharactersInTextAndQueryParametersNamingThem() {
        Map<String, Object> enterprise = Fixtures.enterpriseBody(Fixtures.uscc());
        enterprise.put("legalRepresentative", "冯\u0007海燕");
        as(Tokens.enterprise(newSubject("hostile-bell"))).body(enterprise).post("/api/v1/enterprises")
                .then().statusCode(400).body("violations.field", hasItem("legalRepresentative"));
        given().auth().oauth2(Tokens.admin("admin1")).urlEncodingEnabled(false).get("/api/v1/enterprises?name=a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("name"));
    }
}
