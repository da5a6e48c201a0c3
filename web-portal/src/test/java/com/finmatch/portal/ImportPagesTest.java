package com.finmatch.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.finmatch.portal.client.enterprise.api.ImportResourceApi;
import com.finmatch.portal.client.enterprise.model.ImportView;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

/** The administrator's list imports with enterprise-service stubbed: upload, report, apply, templates. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ImportPagesTest {
    static final String ID = "5e7a2b1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c";
    static final byte[] CSV = "uscc,name,tag\n91441203MA4UJ6XW0T,甲,TECH_SME\n".getBytes(StandardCharsets.UTF_8);

    @InjectMock
    @RestClient
    ImportResourceApi imports;

    private static ImportView view(String status, String appliedAt) {
        return TestJson.as(ImportView.class, TestJson.obj("id", ID, "kind", "SRDI", "fileName", "专精特新名单.csv",
                "status", status, "uploadedBy", "admin1", "uploadedAt", "2026-12-01T08:00:00Z",
                "appliedBy", appliedAt == null ? null : "admin1", "appliedAt", appliedAt,
                "counts", Map.of("accepted", 1, "updated", 0, "unchanged", 0, "rejected", 1),
                "rows", List.of(
                        TestJson.obj("row", 2, "uscc", "91441203MA4UJ6XW0T", "name", "甲", "value", "TECH_SME",
                                "outcome", "ACCEPTED", "reason", "not registered yet: an invitation"),
                        TestJson.obj("row", 3, "uscc", "9144", "name", "乙", "value", null,
                                "outcome", "REJECTED", "reason", "uscc must have 18 characters"))));
    }

    private static String[] csrf() {
        return EnterprisePagesTest.csrf("/admin/imports");
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldSendTheFileToEnterpriseServiceAndShowItsReportBeforeApplying() {
        when(imports.uploadImport(eq("SRDI"), any())).thenReturn(view("PREVIEWED", null));
        when(imports.getImport(UUID.fromString(ID))).thenReturn(view("PREVIEWED", null));
        String[] token = csrf();
        given().redirects().follow(false).cookie("csrf-token", token[0]).multiPart("csrf-token", token[1])
                .multiPart("kind", "SRDI").multiPart("file", "list.csv", CSV, "text/csv")
                .post("/admin/imports").then().statusCode(303)
                .header("Location", containsString("/admin/imports/" + ID));
        verify(imports).uploadImport(eq("SRDI"), org.mockito.ArgumentMatchers.argThat(f -> f.getName().equals("list.csv")));
        given().get("/admin/imports/" + ID).then().statusCode(200)
                .body(containsString("专精特新名单.csv"))
                .body(containsString("data-outcome=\"REJECTED\""))
                .body(containsString("uscc must have 18 characters"))
                .body(containsString("已校验，尚未应用"))
                .body(containsString("/admin/imports/" + ID + "/apply"));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldApplyAndThenShowTheImportAppliedWithoutAnApplyButton() {
        when(imports.applyImport(UUID.fromString(ID))).thenReturn(view("APPLIED", "2026-12-01T09:00:00Z"));
        String[] token = csrf();
        given().redirects().follow(false).cookie("csrf-token", token[0])
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token[1])
                .post("/admin/imports/" + ID + "/apply").then().statusCode(303)
                .header("Location", containsString("/admin/imports/" + ID + "?done=import_applied"));
        verify(imports).applyImport(UUID.fromString(ID));
        when(imports.getImport(UUID.fromString(ID))).thenReturn(view("APPLIED", "2026-12-01T09:00:00Z"));
        given().get("/admin/imports/" + ID + "?done=import_applied").then().statusCode(200)
                .body(containsString("名单已应用"))
                .body(not(containsString("/admin/imports/" + ID + "/apply")));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldShowWhyEnterpriseServiceRefusedTheFileOnTheForm() {
        when(imports.uploadImport(eq("CLUSTER"), any())).thenThrow(new WebApplicationException(Response.status(400)
                .type("application/problem+json").entity("{\"status\":400,\"title\":\"Bad Request\",\"violations\":"
                        + "[{\"field\":\"file\",\"message\":\"row 1: the header must be uscc,name,clusterCode\"}]}")
                .build()));
        String[] token = csrf();
        given().cookie("csrf-token", token[0]).multiPart("csrf-token", token[1])
                .multiPart("kind", "CLUSTER").multiPart("file", "list.csv", CSV, "text/csv")
                .post("/admin/imports").then().statusCode(400)
                .body(containsString("row 1: the header must be uscc,name,clusterCode"))
                .body(containsString("文件未被接受"));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldOfferTheTemplatesAndRefuseAnUnknownList() {
        when(imports.downloadImportTemplate("SRDI", "csv")).thenReturn("uscc,name,tag\r\n");
        given().get("/admin/imports").then().statusCode(200)
                .body(containsString("/admin/imports/templates/SRDI"))
                .body(containsString("/admin/imports/templates/CLUSTER"))
                .body(containsString("enctype=\"multipart/form-data\""));
        given().get("/admin/imports/templates/SRDI").then().statusCode(200)
                .header("Content-Disposition", containsString("finmatch-srdi-template.csv"))
                .body(containsString("uscc,name,tag"));
        given().get("/admin/imports/templates/GAZELLES").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldRefuseAnUploadWithoutAValidCsrfToken() {
        given().redirects().follow(false).multiPart("kind", "SRDI").multiPart("file", "list.csv", CSV, "text/csv")
                .post("/admin/imports").then().statusCode(400);
        verify(imports, never()).uploadImport(any(), any());
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldNotShowImportsToAnEnterprise() {
        given().get("/admin/imports").then().statusCode(403);
    }
}
