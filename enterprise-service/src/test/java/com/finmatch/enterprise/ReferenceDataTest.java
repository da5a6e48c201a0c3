package com.finmatch.enterprise;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class ReferenceDataTest {

    @Test
    void shouldServeTheDistrictsOfZhaoqingWithoutAToken() {
        given().get("/api/v1/reference/districts").then().statusCode(200)
                .body("total", equalTo(10))
                .body("items.code", hasItems("441202", "441203", "441204", "441223", "441224", "441225", "441226",
                        "441284", "ZQHTZ", "ZQXQ"))
                .body("items.find { it.code == '441284' }.nameZh", equalTo("四会市"))
                .body("items.find { it.code == 'ZQHTZ' }.kind", equalTo("ZONE"));
    }

    @Test
    void shouldServeClustersIndustriesAndTagsWithoutAToken() {
        given().get("/api/v1/reference/clusters").then().statusCode(200)
                .body("items.code", hasItems("NEV_AUTO", "ENERGY_STORAGE", "ELECTRONICS", "METAL_HARDWARE",
                        "NEW_MATERIALS", "GREEN_BUILDING", "FOOD_BEVERAGE", "FINE_CHEMICALS", "BIOMEDICINE",
                        "SMART_HOME"))
                .body("items.find { it.code == 'NEV_AUTO' }.nameZh", equalTo("新能源汽车及汽车零部件"));
        given().get("/api/v1/reference/industries").then().statusCode(200)
                .body("items.code", hasItems("C13", "C26", "C36", "C39", "C43", "C3670"))
                .body("items.find { it.code == 'C3670' }.divisionCode", equalTo("C36"));
        given().get("/api/v1/reference/tags").then().statusCode(200)
                .body("code", hasItems("SRDI_PROVINCIAL", "SRDI_LITTLE_GIANT", "HIGH_TECH", "TECH_SME"))
                .body("", hasSize(4));
    }

    @Test
    void shouldLetAnAdminAddAClusterThatEnterprisesCanThenChoose() {
        String admin = Tokens.admin(newSubject("admin"));
        String code = "LOW_ALTITUDE_" + (System.nanoTime() % 100000);
        Map<String, Object> cluster = Map.of("code", code, "nameZh", "低空经济", "nameEn", "Low-altitude economy");
        as(admin).body(cluster).post("/api/v1/reference/clusters").then().statusCode(201)
                .body("code", equalTo(code));
        as(admin).body(cluster).post("/api/v1/reference/clusters").then().statusCode(409);
        given().get("/api/v1/reference/clusters").then().body("items.code", hasItems(code));

        Map<String, Object> body = Fixtures.enterpriseBody(Fixtures.uscc());
        body.put("clusterCode", code);
        as(Tokens.enterprise(newSubject("owner"))).body(body).post("/api/v1/enterprises").then().statusCode(201)
                .body("clusterCode", equalTo(code));
    }

    @Test
    void shouldLetAnAdminRenameAClusterKeepingItsCode() {
        String admin = Tokens.admin(newSubject("admin"));
        String code = "HYDROGEN_" + (System.nanoTime() % 100000);
        as(admin).body(Map.of("code", code, "nameZh", "氢能", "nameEn", "Hydrogen")).post("/api/v1/reference/clusters")
                .then().statusCode(201);
        as(admin).body(Map.of("code", code, "nameZh", "氢能及燃料电池", "nameEn", "Hydrogen and fuel cells"))
                .put("/api/v1/reference/clusters/" + code).then().statusCode(200)
                .body("nameZh", equalTo("氢能及燃料电池"));
        given().get("/api/v1/reference/clusters").then()
                .body("items.find { it.code == '" + code + "' }.nameEn", equalTo("Hydrogen and fuel cells"));
        as(admin).body(Map.of("code", "OTHER", "nameZh", "其他", "nameEn", "Other"))
                .put("/api/v1/reference/clusters/" + code).then().statusCode(400)
                .body("violations[0].field", equalTo("code"));
        as(admin).body(Map.of("code", "NOPE", "nameZh", "无", "nameEn", "None"))
                .put("/api/v1/reference/clusters/NOPE").then().statusCode(404);
        as(Tokens.enterprise(newSubject("owner"))).body(Map.of("code", code, "nameZh", "x", "nameEn", "x"))
                .put("/api/v1/reference/clusters/" + code).then().statusCode(403);
    }

    @Test
    void shouldForbidEnterprisesAndBanksToAddClusters() {
        Map<String, Object> cluster = Map.of("code", "FORBIDDEN", "nameZh", "禁止", "nameEn", "Forbidden");
        as(Tokens.enterprise(newSubject("owner"))).body(cluster).post("/api/v1/reference/clusters").then()
                .statusCode(403);
        as(Tokens.bank(newSubject("banker"), "ZQRCB")).body(cluster).post("/api/v1/reference/clusters").then()
                .statusCode(403);
        given().contentType("application/json").body(cluster).post("/api/v1/reference/clusters").then()
                .statusCode(401);
    }
}
