package com.finmatch.enterprise;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.enterpriseBody;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static com.finmatch.enterprise.Fixtures.uscc;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class EnterpriseProfileTest {

    @Test
    void shouldRegisterTheCallersEnterpriseWithEveryProfileField() {
        String owner = newSubject("owner");
        String code = uscc();
        var created = as(Tokens.enterprise(owner)).body(enterpriseBody(code)).post("/api/v1/enterprises")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("uscc", equalTo(code))
                .body("version", equalTo(0))
                .extract();
        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/api/v1/enterprises/" + id));

        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/me").then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(id))
                .body("legalRepresentative", equalTo("冯海燕"))
                .body("foundedOn", equalTo("2018-11-28"))
                .body("districtCode", equalTo("441203"))
                .body("industryCode", equalTo("C3670"))
                .body("clusterCode", equalTo("NEV_AUTO"))
                .body("sizeClass", equalTo("SMALL"))
                .body("tags", containsInAnyOrder("HIGH_TECH", "SRDI_PROVINCIAL"))
                .body("employees", equalTo(80))
                .body("patents", equalTo(36))
                .body("creditRating", equalTo("AA"))
                .body("listingIntention", equalTo("CONSIDERING"))
                .body("targetBoard", equalTo("BSE"))
                .body("contactEmail", equalTo("finance@example.cn"));
    }

    @Test
    void shouldAnswer404ForTheOwnProfileBeforeRegistration() {
        as(Tokens.enterprise(newSubject("newcomer"))).get("/api/v1/enterprises/me")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseASecondEnterpriseForTheSameOwnerWith409() {
        String owner = newSubject("owner");
        Fixtures.registerEnterprise(owner);
        as(Tokens.enterprise(owner)).body(enterpriseBody(uscc())).post("/api/v1/enterprises")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseATakenUsccWith409() {
        String code = uscc();
        as(Tokens.enterprise(newSubject("first"))).body(enterpriseBody(code)).post("/api/v1/enterprises")
                .then().statusCode(201);
        as(Tokens.enterprise(newSubject("second"))).body(enterpriseBody(code)).post("/api/v1/enterprises")
                .then().statusCode(409);
    }

    @Test
    void shouldRejectUsccWithWrongCheckCharacter() {
        String code = uscc();
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        String owner = newSubject("owner");
        as(Tokens.enterprise(owner)).body(enterpriseBody(code.substring(0, 17) + wrong))
                .post("/api/v1/enterprises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("uscc")))
                .body("violations[0].message", equalTo("has a wrong check character (GB 32100-2015)"));
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/me").then().statusCode(404);
    }

    @Test
    void shouldRejectUnknownDistrictIndustryAndClusterNamingEachField() {
        Map<String, Object> body = enterpriseBody(uscc());
        body.put("districtCode", "110101");
        body.put("industryCode", "C99");
        body.put("clusterCode", "SPACE_TOURISM");
        as(Tokens.enterprise(newSubject("owner"))).body(body).post("/api/v1/enterprises")
                .then().statusCode(400)
                .body("violations.field", hasItems("districtCode", "industryCode", "clusterCode"));
    }

    @Test
    void shouldAcceptAnyClassUnderAShippedIndustryDivisionAndAZone() {
        Map<String, Object> body = enterpriseBody(uscc());
        body.put("industryCode", "C3389");
        body.put("districtCode", "ZQHTZ");
        body.remove("clusterCode");
        as(Tokens.enterprise(newSubject("owner"))).body(body).post("/api/v1/enterprises")
                .then().statusCode(201).body("industryCode", equalTo("C3389")).body("clusterCode", equalTo(null));
    }

    @Test
    void shouldUpdateWithIfMatchAndAnswerTheNewVersionAsETag() {
        String owner = newSubject("owner");
        String id = Fixtures.registerEnterprise(owner);
        Map<String, Object> body = as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id).then()
                .extract().as(Map.class);
        body.put("employees", 95);
        body.put("tags", List.of("SRDI_LITTLE_GIANT"));
        as(Tokens.enterprise(owner)).header("If-Match", "\"0\"").body(body).put("/api/v1/enterprises/" + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("employees", equalTo(95))
                .body("tags", equalTo(List.of("SRDI_LITTLE_GIANT")));
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id).then()
                .header("ETag", "\"1\"").body("employees", equalTo(95));
    }

    @Test
    void shouldAnswer428ForAnUpdateWithoutIfMatch() {
        String owner = newSubject("owner");
        String id = Fixtures.registerEnterprise(owner);
        as(Tokens.enterprise(owner)).body(enterpriseBody(currentUscc(owner))).put("/api/v1/enterprises/" + id)
                .then().statusCode(428).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer412ForAStaleIfMatchAndKeepTheProfile() {
        String owner = newSubject("owner");
        String id = Fixtures.registerEnterprise(owner);
        Map<String, Object> body = enterpriseBody(currentUscc(owner));
        body.put("employees", 120);
        as(Tokens.enterprise(owner)).header("If-Match", "\"0\"").body(body).put("/api/v1/enterprises/" + id)
                .then().statusCode(200);
        body.put("employees", 7);
        as(Tokens.enterprise(owner)).header("If-Match", "\"0\"").body(body).put("/api/v1/enterprises/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/me").then().body("employees", equalTo(120))
                .body("version", equalTo(1));
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentUpdatesOfTheSameVersionWin() throws Exception {
        String owner = newSubject("owner");
        String id = Fixtures.registerEnterprise(owner);
        String code = currentUscc(owner);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> updates = List.of(10, 20).stream().map(employees ->
                CompletableFuture.supplyAsync(() -> {
                    Map<String, Object> body = enterpriseBody(code);
                    body.put("employees", employees);
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return as(Tokens.enterprise(owner)).header("If-Match", "\"0\"").body(body)
                            .put("/api/v1/enterprises/" + id).statusCode();
                })).toList();
        start.countDown();
        List<Integer> statuses = updates.stream().map(f -> f.orTimeout(60, TimeUnit.SECONDS).join()).sorted()
                .toList();
        assertEquals(List.of(200, 412), statuses);
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/me").then().body("version", equalTo(1));
    }

    @Test
    void shouldRefuseToChangeTheUscc() {
        String owner = newSubject("owner");
        String id = Fixtures.registerEnterprise(owner);
        as(Tokens.enterprise(owner)).header("If-Match", "\"0\"").body(enterpriseBody(uscc()))
                .put("/api/v1/enterprises/" + id)
                .then().statusCode(400).body("violations.field", hasItem("uscc"));
    }

    @Test
    void shouldRequireTargetBoardToBeEmptyWithoutListingIntention() {
        Map<String, Object> body = enterpriseBody(uscc());
        body.put("listingIntention", "NONE");
        as(Tokens.enterprise(newSubject("owner"))).body(body).post("/api/v1/enterprises")
                .then().statusCode(400).body("violations.field", equalTo(List.of("targetBoard")));
    }

    @Test
    void shouldForbidBanksAndAdminsToRegisterEnterprises() {
        as(Tokens.bank(newSubject("bank"), "ZQRCB")).body(enterpriseBody(uscc())).post("/api/v1/enterprises")
                .then().statusCode(403);
        as(Tokens.admin(newSubject("admin"))).body(enterpriseBody(uscc())).post("/api/v1/enterprises")
                .then().statusCode(403);
    }

    private static String currentUscc(String owner) {
        return as(Tokens.enterprise(owner)).get("/api/v1/enterprises/me").then().extract().path("uscc");
    }
}
