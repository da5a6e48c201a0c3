package com.finmatch.enterprise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.enterprise.domain.Uscc;
import com.finmatch.enterprise.event.EnterpriseEvents;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * List imports over REST (issue 16 §5): an upload answers its row-by-row report and changes nothing; applying changes
 * the enterprises and publishes EnterpriseUpdated once; applying again does nothing; an unregistered USCC becomes an
 * invitation its enterprise claims when it registers.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class ListImportTest {

    private static final String IMPORTS = "/api/v1/imports";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final RestAssuredConfig UTF8_MULTIPART = RestAssured.config()
            .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
            .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String admin = Tokens.admin("admin1");

    static Response upload(String token, String kind, String name, byte[] content, String type) {
        var spec = given().config(UTF8_MULTIPART).auth().oauth2(token).multiPart("file", name, content, type);
        return (kind == null ? spec : spec.multiPart("kind", kind)).post(IMPORTS);
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String registered(String subject, String uscc) {
        return as(Tokens.enterprise(subject)).body(Fixtures.enterpriseBody(uscc)).post("/api/v1/enterprises")
                .then().statusCode(201).extract().path("id");
    }

    private Map<String, Object> profile(String id) {
        return as(admin).get("/api/v1/enterprises/" + id).then().statusCode(200).extract().as(Map.class);
    }

    private Set<Object> tags(String id) {
        return Set.copyOf((List<?>) profile(id).get("tags"));
    }

    private static long updates(TopicProbe topic, String enterpriseId) {
        return topic.seen().stream().filter(TopicProbe.ofTypeAndSubject(
                "finmatch.enterprise.EnterpriseUpdated.v1", enterpriseId)).count();
    }

    @Test
    void shouldReportEveryRowBeforeApplyingThenApplyOnceWithOneEventAndNothingTheSecondTime() throws Exception {
        String uscc = Fixtures.uscc();
        String owner = newSubject("listed");
        String id = registered(owner, uscc);
        String stranger = Fixtures.uscc();
        String file = """
                uscc,name,tag
                %s,肇庆市鼎能汽车零部件有限公司,SRDI_LITTLE_GIANT
                %s,肇庆市鼎能汽车零部件有限公司,HIGH_TECH
                %s,肇庆市未注册科技有限公司,TECH_SME
                %s,错码,TECH_SME
                """.formatted(uscc, uscc, stranger, uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0'));
        try (TopicProbe topic = TopicProbe.of("enterprise.events")) {
            Response preview = upload(admin, "SRDI", "专精特新名单.csv", csv(file), "text/csv");
            preview.then().statusCode(201).header("Location", containsString("/api/v1/imports/"))
                    .body("status", equalTo("PREVIEWED")).body("fileName", equalTo("专精特新名单.csv"))
                    .body("counts.accepted", equalTo(1)).body("counts.updated", equalTo(1))
                    .body("counts.unchanged", equalTo(1)).body("counts.rejected", equalTo(1))
                    .body("rows.row", equalTo(List.of(2, 3, 4, 5)))
                    .body("rows.outcome", equalTo(List.of("UPDATED", "UNCHANGED", "ACCEPTED", "REJECTED")))
                    .body("rows[3].reason", equalTo("uscc has a wrong check character (GB 32100-2015)"));
            String importId = preview.path("id");
            assertEquals(Set.of("HIGH_TECH", "SRDI_PROVINCIAL"), tags(id), "a dry run changes nothing");
            as(admin).get(IMPORTS + "/" + importId).then().statusCode(200).body("status", equalTo("PREVIEWED"));

            as(admin).post(IMPORTS + "/" + importId + "/apply").then().statusCode(200)
                    .body("status", equalTo("APPLIED")).body("appliedBy", equalTo("admin1"))
                    .body("rows.outcome", equalTo(List.of("UPDATED", "UNCHANGED", "ACCEPTED", "REJECTED")));
            assertEquals(Set.of("HIGH_TECH", "SRDI_LITTLE_GIANT", "SRDI_PROVINCIAL"), tags(id));
            ConsumerRecord<String, String> event = topic.await(TopicProbe.ofTypeAndSubject(
                    "finmatch.enterprise.EnterpriseUpdated.v1", id));
            JsonNode payload = com.finmatch.testing.EventSchemas.assertValid(event, "enterprise-service");
            assertEquals("[\"SRDI_PROVINCIAL\",\"SRDI_LITTLE_GIANT\",\"HIGH_TECH\"]", payload.get("tags").toString());

            as(admin).post(IMPORTS + "/" + importId + "/apply").then().statusCode(200)
                    .body("status", equalTo("APPLIED"))
                    .body("rows.outcome", equalTo(List.of("UPDATED", "UNCHANGED", "ACCEPTED", "REJECTED")));
            Map<String, Object> after = profile(id);
            assertEquals(1, ((Number) after.get("version")).intValue(), "applying again changed nothing");
            // a later change of the same enterprise: its events are published in the order of its changes
            // (docs/RELIABILITY.md, 7), so once this one arrives an update from the second apply would have too
            Fixtures.openNeed(owner, id);
            topic.await(r -> id.equals(r.key())
                    && EnterpriseEvents.NEED_OPENED.equals(TopicProbe.header(r, "ce_type")));
            assertEquals(1, updates(topic, id), "one EnterpriseUpdated for the enterprise, not one an apply");

            upload(admin, "SRDI", "again.csv", csv(file), "text/csv").then().statusCode(201)
                    .body("rows.outcome", equalTo(List.of("UNCHANGED", "UNCHANGED", "UNCHANGED", "REJECTED")));
        }
    }

    @Test
    void shouldImportClusterMembershipFromAnXlsxWorkbook() throws Exception {
        String uscc = Fixtures.uscc();
        String id = registered(newSubject("clustered"), uscc);
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("4+4 集群");
            var header = sheet.createRow(0);
            List.of("uscc", "name", "clusterCode").forEach(c -> header.createCell(header.getPhysicalNumberOfCells())
                    .setCellValue(c));
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(uscc);
            row.createCell(1).setCellValue("肇庆市鼎能汽车零部件有限公司");
            row.createCell(2).setCellValue("SMART_HOME");
            book.write(out);
            workbook = out.toByteArray();
        }
        try (TopicProbe topic = TopicProbe.of("enterprise.events")) {
            String importId = upload(admin, "CLUSTER", "集群.xlsx", workbook, XLSX).then().statusCode(201)
                    .body("rows[0].outcome", equalTo("UPDATED"))
                    .body("rows[0].reason", equalTo("cluster changed from NEV_AUTO"))
                    .extract().path("id");
            assertEquals("NEV_AUTO", profile(id).get("clusterCode"));
            as(admin).post(IMPORTS + "/" + importId + "/apply").then().statusCode(200);
            assertEquals("SMART_HOME", profile(id).get("clusterCode"));
            JsonNode payload = JSON.readTree(topic.await(TopicProbe.ofTypeAndSubject(
                    "finmatch.enterprise.EnterpriseUpdated.v1", id)).value());
            assertEquals("SMART_HOME", payload.get("clusterCode").asText());
        }
    }

    @Test
    void shouldGiveAnUnregisteredUsccsListsToTheEnterpriseThatRegistersWithIt() throws Exception {
        String uscc = Fixtures.uscc();
        String tags = upload(admin, "SRDI", "srdi.csv", csv("uscc,name,tag\n" + uscc + ",新企业,SRDI_LITTLE_GIANT\n"),
                "text/csv").then().statusCode(201).body("rows[0].outcome", equalTo("ACCEPTED")).extract().path("id");
        as(admin).post(IMPORTS + "/" + tags + "/apply").then().statusCode(200);
        String cluster = upload(Tokens.industryBureau("ind1"), "CLUSTER", "c.csv",
                csv("uscc,name,clusterCode\n" + uscc + ",新企业,SMART_HOME\n"), "text/csv").then().statusCode(201)
                .body("rows[0].outcome", equalTo("ACCEPTED")).extract().path("id");
        as(Tokens.industryBureau("ind1")).post(IMPORTS + "/" + cluster + "/apply").then().statusCode(200)
                .body("appliedBy", equalTo("ind1"));

        Map<String, Object> body = Fixtures.enterpriseBody(uscc);
        body.put("tags", List.of("HIGH_TECH"));
        body.remove("clusterCode");
        String owner = newSubject("invited");
        try (TopicProbe topic = TopicProbe.of("enterprise.events")) {
            String id = as(Tokens.enterprise(owner)).body(body).post("/api/v1/enterprises").then().statusCode(201)
                    .body("tags", containsInAnyOrder("HIGH_TECH", "SRDI_LITTLE_GIANT"))
                    .body("clusterCode", equalTo("SMART_HOME")).extract().path("id");
            JsonNode registered = JSON.readTree(topic.await(TopicProbe.ofTypeAndSubject(
                    "finmatch.enterprise.EnterpriseRegistered.v1", id)).value());
            assertEquals("SMART_HOME", registered.get("clusterCode").asText());
            assertEquals("[\"SRDI_LITTLE_GIANT\",\"HIGH_TECH\"]", registered.get("tags").toString());
        }
        // claimed: the same list again finds the enterprise holding it
        upload(admin, "SRDI", "srdi.csv", csv("uscc,name,tag\n" + uscc + ",新企业,SRDI_LITTLE_GIANT\n"), "text/csv")
                .then().statusCode(201).body("rows[0].outcome", equalTo("UNCHANGED"))
                .body("rows[0].reason", equalTo("the enterprise holds it already"));
    }

    @Test
    void shouldRefuseBadFilesWithA400NamingTheFileAndNeverA5xx() {
        String good = "uscc,name,tag\n" + Fixtures.uscc() + ",甲,TECH_SME\n";
        List<Object[]> cases = List.of(
                new Object[] {"SRDI", new byte[0], "is empty"},
                new Object[] {"SRDI", csv("uscc,name,tag\n"), "has a header but no rows"},
                new Object[] {"CLUSTER", csv(good), "row 1: the header must be uscc,name,clusterCode"},
                new Object[] {"SRDI", DocumentsTest.png(2048), "is neither CSV"},
                new Object[] {"SRDI", new byte[] {'P', 'K', 3, 4, 9, 9, 9, 9}, "is not a readable XLSX workbook"},
                new Object[] {"SRDI", csv("uscc,name,tag\n" + "x,y,z\n".repeat(2001)), "has 2001 rows"});
        for (Object[] c : cases) {
            upload(admin, (String) c[0], "list.csv", (byte[]) c[1], "text/csv").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("file")))
                    .body("violations[0].message", startsWith((String) c[2]));
        }
        upload(admin, "GAZELLES", "list.csv", csv(good), "text/csv").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("kind"));
        upload(admin, null, "list.csv", csv(good), "text/csv").then().statusCode(400)
                .body("violations.field", hasItem("kind"));
        given().auth().oauth2(admin).multiPart("kind", "SRDI").post(IMPORTS).then().statusCode(400)
                .body("violations.field", hasItem("file"));
        byte[] large = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(large, (byte) 'a');
        upload(admin, "SRDI", "large.csv", large, "text/csv").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void shouldLetOnlyAdministratorsAndTheIndustryBureauImport() {
        String importId = upload(admin, "SRDI", "l.csv", csv("uscc,name,tag\n" + Fixtures.uscc() + ",甲,TECH_SME\n"),
                "text/csv").then().statusCode(201).extract().path("id");
        for (String token : List.of(Tokens.enterprise(newSubject("nosy")), Tokens.bank("nosy-bank", "ZQRCB"),
                Tokens.auditor("audit1"))) {
            upload(token, "SRDI", "l.csv", csv("uscc,name,tag\n"), "text/csv").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).get(IMPORTS + "/" + importId).then().statusCode(403);
            given().auth().oauth2(token).post(IMPORTS + "/" + importId + "/apply").then().statusCode(403);
            given().auth().oauth2(token).get(IMPORTS + "/templates/SRDI").then().statusCode(403);
        }
        given().post(IMPORTS + "/" + importId + "/apply").then().statusCode(401);
        as(Tokens.industryBureau("ind1")).get(IMPORTS + "/" + importId).then().statusCode(200);
        as(admin).get(IMPORTS + "/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as(admin).post(IMPORTS + "/" + java.util.UUID.randomUUID() + "/apply").then().statusCode(404);
    }

    @Test
    void shouldOfferEachTemplateAsCsvAndXlsxWithItsHeaderAndAValidExample() throws Exception {
        String text = given().auth().oauth2(admin).get(IMPORTS + "/templates/CLUSTER").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("finmatch-cluster-template.csv"))
                .extract().asString();
        List<String> lines = text.replace("\uFEFF", "").lines().toList();
        assertEquals("uscc,name,clusterCode", lines.get(0));
        assertTrue(Uscc.isValid(lines.get(1).split(",")[0]));
        byte[] xlsx = given().auth().oauth2(admin).get(IMPORTS + "/templates/SRDI?format=xlsx").then()
                .statusCode(200).contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var header = book.getSheetAt(0).getRow(0);
            assertEquals(List.of("uscc", "name", "tag"), List.of(header.getCell(0).getStringCellValue(),
                    header.getCell(1).getStringCellValue(), header.getCell(2).getStringCellValue()));
        }
        // the template uploads as it is
        upload(admin, "SRDI", "template.xlsx", xlsx, XLSX).then().statusCode(201)
                .body("counts.rejected", equalTo(0));
        given().auth().oauth2(admin).get(IMPORTS + "/templates/SRDI?format=pdf").then().statusCode(400)
                .body("violations.field", hasItem("format"));
    }
}
