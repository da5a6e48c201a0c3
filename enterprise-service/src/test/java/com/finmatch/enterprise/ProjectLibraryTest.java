package com.finmatch.enterprise;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class ProjectLibraryTest {

    @Test
    void shouldRegisterProjectsAndLetAdminsSearchTheLibraryByDistrictStageAndGap() {
        String owner = newSubject("owner");
        String id = Fixtures.registerEnterprise(owner);
        String big = as(Tokens.enterprise(owner))
                .body(Map.of("name", "高要金属智造产业园", "investmentAmount", 800000000, "financingGap", 300000000,
                        "stage", "UNDER_CONSTRUCTION", "districtCode", "441204", "termMonths", 96))
                .post("/api/v1/enterprises/" + id + "/projects").then().statusCode(201)
                .body("districtCode", equalTo("441204"))
                .extract().path("id");
        String small = as(Tokens.enterprise(owner))
                .body(Map.of("name", "技改项目", "investmentAmount", 5000000, "financingGap", 1000000,
                        "stage", "PLANNING"))
                .post("/api/v1/enterprises/" + id + "/projects").then().statusCode(201)
                .body("districtCode", equalTo("441203")) // the enterprise's district by default
                .extract().path("id");

        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id + "/projects").then().statusCode(200)
                .body("total", equalTo(2));
        String admin = Tokens.admin(newSubject("admin"));
        as(admin).get("/api/v1/projects?district=441204&stage=UNDER_CONSTRUCTION").then().statusCode(200)
                .body("items.id", hasItem(big))
                .body("items.id", not(hasItem(small)))
                .body("items.stage", everyItem(equalTo("UNDER_CONSTRUCTION")));
        as(admin).get("/api/v1/projects?minGap=200000000").then().body("items.id", hasItem(big))
                .body("items.id", not(hasItem(small)));
        as(admin).get("/api/v1/projects?stage=DREAMING").then().statusCode(400)
                .body("violations[0].field", equalTo("stage"));
        as(admin).get("/api/v1/projects?minGap=lots").then().statusCode(400)
                .body("violations[0].field", equalTo("minGap"));
        as(Tokens.enterprise(owner)).get("/api/v1/projects").then().statusCode(403);
    }

    @Test
    void shouldFilterTheProjectLibraryByTheOwningEnterprisesCluster() {
        String owner = newSubject("owner");
        Map<String, Object> body = Fixtures.enterpriseBody(Fixtures.uscc());
        body.put("clusterCode", "ENERGY_STORAGE");
        String id = as(Tokens.enterprise(owner)).body(body).post("/api/v1/enterprises").then().statusCode(201)
                .extract().path("id");
        String project = as(Tokens.enterprise(owner))
                .body(Map.of("name", "储能电站", "investmentAmount", 90000000, "financingGap", 40000000,
                        "stage", "PLANNING"))
                .post("/api/v1/enterprises/" + id + "/projects").then().statusCode(201).extract().path("id");
        String nevOwner = newSubject("owner");
        String nev = Fixtures.registerEnterprise(nevOwner); // NEV_AUTO
        String nevProject = as(Tokens.enterprise(nevOwner))
                .body(Map.of("name", "整车配套", "investmentAmount", 90000000, "financingGap", 40000000,
                        "stage", "PLANNING"))
                .post("/api/v1/enterprises/" + nev + "/projects").then().statusCode(201).extract().path("id");

        String admin = Tokens.admin(newSubject("admin"));
        as(admin).get("/api/v1/projects?cluster=ENERGY_STORAGE&size=200").then().statusCode(200)
                .body("items.id", hasItem(project))
                .body("items.id", not(hasItem(nevProject)));
        as(admin).get("/api/v1/projects?cluster=NEV_AUTO&size=200").then().statusCode(200)
                .body("items.id", hasItem(nevProject))
                .body("items.id", not(hasItem(project)));
    }

    @Test
    void shouldLinkANeedToTheEnterprisesOwnProjectOnly() {
        String owner = newSubject("owner");
        String id = Fixtures.registerEnterprise(owner);
        String project = as(Tokens.enterprise(owner))
                .body(Map.of("name", "储能电池扩产", "investmentAmount", 60000000, "financingGap", 30000000,
                        "stage", "PREPARATION"))
                .post("/api/v1/enterprises/" + id + "/projects").then().statusCode(201).extract().path("id");
        Map<String, Object> need = Fixtures.needBody();
        need.put("projectId", project);
        as(Tokens.enterprise(owner)).body(need).post("/api/v1/enterprises/" + id + "/financing-needs").then()
                .statusCode(201).body("projectId", equalTo(project));

        String other = newSubject("other");
        String otherId = Fixtures.registerEnterprise(other);
        as(Tokens.enterprise(other)).body(need).post("/api/v1/enterprises/" + otherId + "/financing-needs").then()
                .statusCode(400).body("violations[0].field", equalTo("projectId"));
    }
}
