package com.finmatch.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.finmatch.portal.client.DocumentContent;
import com.finmatch.portal.client.enterprise.api.DocumentResourceApi;
import com.finmatch.portal.client.enterprise.api.EnterpriseResourceApi;
import com.finmatch.portal.client.enterprise.model.DocumentView;
import com.finmatch.portal.client.enterprise.model.EnterpriseView;
import com.finmatch.portal.client.enterprise.model.MaterialKind;
import com.finmatch.portal.client.enterprise.model.PageResponseDocumentView;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

/** The enterprise's documents with enterprise-service stubbed: list, upload and its refusals, download, delete. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DocumentPagesTest {
    static final UUID ENTERPRISE = UUID.fromString(EnterprisePagesTest.ENTERPRISE_ID);
    static final String DOC_ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @InjectMock
    @RestClient
    EnterpriseResourceApi enterprises;

    @InjectMock
    @RestClient
    DocumentResourceApi documents;

    @InjectMock
    @RestClient
    DocumentContent content;

    void registeredWithOneDocument() {
        when(enterprises.myEnterprise()).thenReturn(TestJson.as(EnterpriseView.class, TestJson.obj("id",
                EnterprisePagesTest.ENTERPRISE_ID, "name", "肇庆市鼎能汽车零部件有限公司", "version", 3)));
        when(documents.listDocuments(eq(ENTERPRISE), anyInt(), anyInt())).thenReturn(TestJson.as(
                PageResponseDocumentView.class, TestJson.obj("items", List.of(TestJson.obj("id", DOC_ID,
                        "enterpriseId", EnterprisePagesTest.ENTERPRISE_ID, "kind", "BANK_STATEMENT",
                        "fileName", "2026年银行流水.pdf", "contentType", "application/pdf", "size", 1_572_864,
                        "sha256", SHA, "uploadedAt", "2026-12-01T08:30:00Z", "version", 0)), "total", 1)));
    }

    private static String[] csrf() {
        return EnterprisePagesTest.csrf("/enterprise/documents");
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldListTheEnterprisesDocumentsWithKindNameTypeSizeShortDigestAndUploadTime() {
        registeredWithOneDocument();
        String page = given().get("/enterprise/documents").then().statusCode(200).extract().body().asString();
        assertThat(page, containsString("<td data-kind=\"BANK_STATEMENT\">银行流水</td>"));
        assertThat(page, containsString("<a href=\"/enterprise/documents/" + DOC_ID + "/content\" download>2026年银行流水.pdf</a>"));
        assertThat(page, containsString("<td>application/pdf</td>"));
        assertThat(page, containsString("<td data-size=\"1572864\">1.5 MB</td>"));
        assertThat(page, containsString("<code title=\"" + SHA + "\">9f86d081884c</code>"));
        assertThat(page, containsString("2026-12-01 16:30"));
        assertThat(page, containsString("action=\"/enterprise/documents/" + DOC_ID + "/delete\""));
        assertThat(page, containsString("enctype=\"multipart/form-data\""));
        assertThat(page, containsString("<option value=\"TAX_CERTIFICATE\">纳税证明</option>"));
        assertThat("the enterprise navigation links the page", page,
                containsString("<a href=\"/enterprise/documents\">企业材料</a>"));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldSendTheUploadedFileUnderItsOwnNameToTheCallersEnterprise() {
        registeredWithOneDocument();
        when(documents.uploadDocument(eq(ENTERPRISE), any(), eq(MaterialKind.TAX_CERTIFICATE))).thenAnswer(call -> {
            java.io.File sent = call.getArgument(1);
            assertThat(sent.getName(), equalTo("tax-2026.pdf"));
            try {
                assertThat(Files.readAllBytes(sent.toPath()), equalTo(PDF));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new DocumentView();
        });
        String[] token = csrf();
        given().redirects().follow(false).cookie("csrf-token", token[0]).multiPart("csrf-token", token[1])
                .multiPart("kind", "TAX_CERTIFICATE").multiPart("file", "C:\\scans\\tax-2026.pdf", PDF, "application/pdf")
                .post("/enterprise/documents").then().statusCode(303)
                .header("Location", containsString("/enterprise/documents?done=document_uploaded"));
        verify(documents).uploadDocument(eq(ENTERPRISE), argThat(f -> f.getName().equals("tax-2026.pdf")),
                eq(MaterialKind.TAX_CERTIFICATE));
        given().get("/enterprise/documents?done=document_uploaded").then().statusCode(200)
                .body(containsString("材料已上传。"));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldKeepAChineseFileNameAsTheBrowserSendsIt() {
        registeredWithOneDocument();
        when(documents.uploadDocument(eq(ENTERPRISE), any(), any())).thenReturn(new DocumentView());
        String[] token = csrf();
        given().config(io.restassured.RestAssured.config().httpClient(io.restassured.config.HttpClientConfig
                        .httpClientConfig().httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE))
                        .multiPartConfig(io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset("UTF-8")))
                .redirects().follow(false).cookie("csrf-token", token[0]).multiPart("csrf-token", token[1])
                .multiPart("kind", "TAX_CERTIFICATE").multiPart("file", "完税证明.pdf", PDF, "application/pdf")
                .post("/enterprise/documents").then().statusCode(303);
        verify(documents).uploadDocument(eq(ENTERPRISE), argThat(f -> f.getName().equals("完税证明.pdf")),
                eq(MaterialKind.TAX_CERTIFICATE));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowAFileOfTheWrongTypeAsAReadableMessageOnThePage() {
        registeredWithOneDocument();
        when(documents.uploadDocument(eq(ENTERPRISE), any(), any())).thenThrow(EnterprisePagesTest.status(400,
                "{\"status\":400,\"title\":\"Bad Request\",\"violations\":[{\"field\":\"file\","
                        + "\"message\":\"must be a PDF, JPEG or PNG file (by its content)\"}]}"));
        String[] token = csrf();
        String page = given().cookie("csrf-token", token[0]).multiPart("csrf-token", token[1])
                .multiPart("kind", "BUSINESS_LICENSE").multiPart("file", "licence.pdf", "just text".getBytes(), "application/pdf")
                .post("/enterprise/documents").then().statusCode(400).extract().body().asString();
        assertThat(page, containsString("文件未被接受：只接受 PDF、JPEG 或 PNG 文件。"));
        assertThat(page, containsString("must be a PDF, JPEG or PNG file (by its content)"));
        assertThat("the kind chosen stays selected", page,
                containsString("<option value=\"BUSINESS_LICENSE\" selected>"));
        assertThat("the list is still shown", page, containsString("2026年银行流水.pdf"));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowATooLargeFileAndAFullQuotaAsReadableMessagesNeverAsAServerError() {
        registeredWithOneDocument();
        when(documents.uploadDocument(eq(ENTERPRISE), any(), eq(MaterialKind.CONTRACTS))).thenThrow(
                EnterprisePagesTest.status(413, "{\"status\":413,\"title\":\"Payload Too Large\","
                        + "\"detail\":\"the file is larger than 10485760 bytes\"}"));
        when(documents.uploadDocument(eq(ENTERPRISE), any(), eq(MaterialKind.OTHER))).thenThrow(
                EnterprisePagesTest.status(409, "{\"status\":409,\"title\":\"Conflict\",\"detail\":\"the enterprise's "
                        + "documents would take 52430000 bytes, more than its quota of 52428800 bytes\"}"));
        String[] token = csrf();
        given().cookie("csrf-token", token[0]).multiPart("csrf-token", token[1])
                .multiPart("kind", "CONTRACTS").multiPart("file", "contract.pdf", PDF, "application/pdf")
                .post("/enterprise/documents").then().statusCode(413)
                .body(containsString("文件未被接受：文件超过 10 MB。"))
                .body(containsString("the file is larger than 10485760 bytes"));
        given().cookie("csrf-token", token[0]).multiPart("csrf-token", token[1])
                .multiPart("kind", "OTHER").multiPart("file", "other.pdf", PDF, "application/pdf")
                .post("/enterprise/documents").then().statusCode(409)
                .body(containsString("贵企业的材料已达到存储上限"))
                .body(containsString("more than its quota of 52428800 bytes"));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldAskForAKindAndANonEmptyFileWithoutCallingEnterpriseService() {
        registeredWithOneDocument();
        String[] token = csrf();
        given().cookie("csrf-token", token[0]).multiPart("csrf-token", token[1])
                .multiPart("kind", "PASSPORT").multiPart("file", "x.pdf", PDF, "application/pdf")
                .post("/enterprise/documents").then().statusCode(400).body(containsString("请选择材料类别。"));
        given().cookie("csrf-token", token[0]).multiPart("csrf-token", token[1])
                .multiPart("kind", "OTHER").multiPart("file", "empty.pdf", new byte[0], "application/pdf")
                .post("/enterprise/documents").then().statusCode(400).body(containsString("不能为空文件"));
        verify(documents, never()).uploadDocument(any(), any(), any());
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldAcceptAnUploadAbove256KiBOnlyOnTheDocumentsPage() {
        registeredWithOneDocument();
        java.util.concurrent.atomic.AtomicLong sentBytes = new java.util.concurrent.atomic.AtomicLong(-1);
        when(documents.uploadDocument(eq(ENTERPRISE), any(), eq(MaterialKind.COLLATERAL_PROOF))).thenAnswer(call -> {
            sentBytes.set(((java.io.File) call.getArgument(1)).length());
            return new DocumentView();
        });
        byte[] scan = new byte[600 * 1024];
        System.arraycopy(PDF, 0, scan, 0, PDF.length);
        String[] token = csrf();
        given().redirects().follow(false).cookie("csrf-token", token[0]).multiPart("csrf-token", token[1])
                .multiPart("kind", "COLLATERAL_PROOF").multiPart("file", "deed.pdf", scan, "application/pdf")
                .post("/enterprise/documents").then().statusCode(303);
        assertThat("the whole file reached enterprise-service", sentBytes.get(), equalTo((long) scan.length));
        given().redirects().follow(false).cookie("csrf-token", token[0])
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token[1])
                .formParam("x", "y".repeat(300 * 1024))
                .post("/enterprise/documents/" + DOC_ID + "/delete").then().statusCode(413);
        verify(documents, never()).deleteDocument(any(), any());
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldRelayTheContentWithItsTypeLengthAndFileName() {
        registeredWithOneDocument();
        String disposition = "attachment; filename=\"2026____.pdf\"; filename*=UTF-8''2026%E5%B9%B4.pdf";
        when(content.download(ENTERPRISE, UUID.fromString(DOC_ID))).thenReturn(RestResponse.ResponseBuilder
                .ok((java.io.InputStream) new ByteArrayInputStream(PDF), "application/pdf")
                .header("Content-Length", PDF.length).header("Content-Disposition", disposition).build());
        byte[] body = given().get("/enterprise/documents/" + DOC_ID + "/content").then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", equalTo(disposition))
                .header("X-Content-Type-Options", "nosniff").extract().body().asByteArray();
        assertThat(body, equalTo(PDF));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowNotFoundForAnotherEnterprisesDocumentAsEnterpriseServiceAnswers() {
        registeredWithOneDocument();
        UUID other = UUID.fromString("8b1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        when(content.download(ENTERPRISE, other)).thenThrow(EnterprisePagesTest.status(404, "{\"status\":404}"));
        org.mockito.Mockito.doThrow(EnterprisePagesTest.status(404, "{\"status\":404}")).when(documents)
                .deleteDocument(other, ENTERPRISE);
        given().get("/enterprise/documents/" + other + "/content").then().statusCode(404)
                .contentType(containsString("text/html")).body(not(containsString("%PDF")));
        String[] token = csrf();
        given().redirects().follow(false).cookie("csrf-token", token[0]).formParam("csrf-token", token[1])
                .post("/enterprise/documents/" + other + "/delete").then().statusCode(404);
        verify(content).download(ENTERPRISE, other);
        given().get("/enterprise/documents/not-a-uuid/content").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldDeleteTheDocumentOfTheCallersEnterprise() {
        registeredWithOneDocument();
        String[] token = csrf();
        given().redirects().follow(false).cookie("csrf-token", token[0]).formParam("csrf-token", token[1])
                .post("/enterprise/documents/" + DOC_ID + "/delete").then().statusCode(303)
                .header("Location", containsString("/enterprise/documents?done=document_deleted"));
        verify(documents).deleteDocument(UUID.fromString(DOC_ID), ENTERPRISE);
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldNotShowTheDocumentsPageToABank() {
        given().get("/enterprise/documents").then().statusCode(403);
    }
}
