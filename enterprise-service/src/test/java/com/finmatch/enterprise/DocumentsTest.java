package com.finmatch.enterprise;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.apache.http.entity.mime.HttpMultipartMode;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.grantConsent;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static com.finmatch.enterprise.Fixtures.registerEnterprise;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 15 §2: documents on an enterprise — type by content, size and quota limits, SHA-256, replace and delete,
 * and who may read them (the owner; a bank only under a live DOCUMENTS consent, each read in the access log).
 * The test profile's quota is 12 MiB (application.properties), so two files show it.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class DocumentsTest {

    static final int MIB = 1024 * 1024;
    private static final String BANK = "ZQRCB";
    /** File names as browsers send them: UTF-8 in the part's header. */
    private static final RestAssuredConfig UTF8_MULTIPART = RestAssured.config()
            .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
            .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8));

    // ------------------------------------------------------------------------------------------------ files

    static byte[] pdf(int size) {
        return file("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1),
                size);
    }

    static byte[] png(int size) {
        return file(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
                size);
    }

    static byte[] jpeg(int size) {
        return file(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0},
                size);
    }

    /** {@code head}, then random bytes up to {@code size}. */
    static byte[] file(byte[] head, int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static RequestSpecification multipart(String token, String kind, String name, byte[] bytes, String type) {
        RequestSpecification spec = given().config(UTF8_MULTIPART).auth().oauth2(token)
                .multiPart("file", name, bytes, type);
        return kind == null ? spec : spec.multiPart("kind", kind);
    }

    static Response upload(String owner, String enterpriseId, String kind, String name, byte[] bytes, String type) {
        return multipart(Tokens.enterprise(owner), kind, name, bytes, type)
                .post("/api/v1/enterprises/" + enterpriseId + "/documents");
    }

    static String uploaded(String owner, String enterpriseId, byte[] bytes) {
        return upload(owner, enterpriseId, "BUSINESS_LICENSE", "营业执照.pdf", bytes, "application/pdf")
                .then().statusCode(201).extract().path("id");
    }

    static String documents(String enterpriseId) {
        return "/api/v1/enterprises/" + enterpriseId + "/documents";
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void shouldStoreAPdfWithItsSha256AndGiveItBackByteForByte() throws Exception {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        byte[] bytes = pdf(700_000); // three chunks of 256 KiB
        String docId = upload(owner, id, "FINANCIAL_STATEMENT", "2025年 财务报表.pdf", bytes, "application/pdf")
                .then().statusCode(201)
                .header("Location", containsString(documents(id) + "/"))
                .header("ETag", equalTo("\"0\""))
                .body("kind", equalTo("FINANCIAL_STATEMENT"))
                .body("fileName", equalTo("2025年 财务报表.pdf"))
                .body("contentType", equalTo("application/pdf"))
                .body("size", equalTo(700_000))
                .body("sha256", equalTo(sha256(bytes)))
                .body("enterpriseId", equalTo(id))
                .extract().path("id");

        as(Tokens.enterprise(owner)).get(documents(id) + "/" + docId).then().statusCode(200)
                .body("sha256", equalTo(sha256(bytes))).body("uploadedAt", org.hamcrest.Matchers.notNullValue());
        as(Tokens.enterprise(owner)).get(documents(id)).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(docId));
        Response content = given().auth().oauth2(Tokens.enterprise(owner)).get(documents(id) + "/" + docId + "/content");
        content.then().statusCode(200).contentType("application/pdf")
                .header("Content-Length", "700000")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", containsString("filename*=UTF-8''2025%E5%B9%B4%20"));
        assertArrayEquals(bytes, content.asByteArray());
    }

    @Test
    void shouldJudgeTheTypeByTheContentNotByTheNameOrTheDeclaredType() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        upload(owner, id, "OTHER", "scan.pdf", png(5_000), "application/pdf").then().statusCode(201)
                .body("contentType", equalTo("image/png")).body("fileName", equalTo("scan.pdf"));
        upload(owner, id, "OTHER", "photo.pdf", jpeg(5_000), "application/pdf").then().statusCode(201)
                .body("contentType", equalTo("image/jpeg"));
        byte[] text = "just text, not an image\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        upload(owner, id, "OTHER", "scan.png", text, "image/png").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("file"));
        byte[] html = "<html><body>%PDF-</body></html>".getBytes(StandardCharsets.UTF_8);
        upload(owner, id, "OTHER", "x.pdf", html, "application/pdf").then().statusCode(400);
        upload(owner, id, "OTHER", "empty.pdf", new byte[0], "application/pdf").then().statusCode(400);
        as(Tokens.enterprise(owner)).get(documents(id)).then().body("total", equalTo(2));
    }

    @Test
    void shouldRefuseAnUploadWithoutAKindOrAFileOrWithAnUnknownKindAsAProblem() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        upload(owner, id, null, "a.pdf", pdf(1_000), "application/pdf").then().statusCode(400)
                .contentType("application/problem+json");
        upload(owner, id, "PASSPORT", "a.pdf", pdf(1_000), "application/pdf").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.enterprise(owner)).multiPart("kind", "OTHER").post(documents(id))
                .then().statusCode(400).contentType("application/problem+json");
        as(Tokens.enterprise(owner)).body(Map.of("kind", "OTHER")).post(documents(id))
                .then().statusCode(415).contentType("application/problem+json");
        as(Tokens.enterprise(owner)).get(documents(id)).then().body("total", equalTo(0));
    }

    @Test
    void shouldRefuseAFileOverTenMebibytesWith413AndKeepTheJsonLimitElsewhere() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        upload(owner, id, "OTHER", "big.pdf", pdf(10 * MIB + 1), "application/pdf").then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("10485760"));
        // a body beyond the server's ceiling is refused before it is read, by its Content-Length
        String boundary = "b" + java.util.UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nOTHER\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(head, head.length + 11 * MIB);
        java.net.http.HttpResponse<String> refused = send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(RestAssured.baseURI + ":" + RestAssured.port + documents(id)))
                .header("Authorization", "Bearer " + Tokens.enterprise(owner))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertEquals(413, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        as(Tokens.enterprise(owner)).get(documents(id)).then().body("total", equalTo(0));
        // a JSON body is still limited to 256 KiB
        as(Tokens.enterprise(owner)).body(Map.of("bankId", BANK, "categories", List.of("PROFILE"),
                        "expiresAt", "2030-01-01T00:00:00Z", "padding", "x".repeat(300_000)))
                .post("/api/v1/enterprises/" + id + "/consents").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAnUploadBeyondTheEnterprisesQuotaWith409UntilSpaceIsFreed() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        String first = uploaded(owner, id, pdf(10 * MIB));
        upload(owner, id, "OTHER", "more.png", png(3 * MIB), "image/png").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("quota"));
        // another enterprise's quota is its own
        String other = newSubject("other");
        uploaded(other, registerEnterprise(other), pdf(3 * MIB));
        // replacing the large file with a small one frees the space
        multipart(Tokens.enterprise(owner), "OTHER", "small.pdf", pdf(MIB), "application/pdf").header("If-Match", "\"0\"")
                .put(documents(id) + "/" + first).then().statusCode(200).body("size", equalTo(MIB));
        upload(owner, id, "OTHER", "more.png", png(3 * MIB), "image/png").then().statusCode(201);
        as(Tokens.enterprise(owner)).get(documents(id)).then().body("total", equalTo(2));
    }

    @Test
    void shouldReplaceOnlyTheVersionNamedInIfMatchAndDeleteWithTheContent() throws Exception {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        String docId = uploaded(owner, id, pdf(2_000));
        String token = Tokens.enterprise(owner);
        byte[] replacement = png(300_000);
        multipart(token, "TAX_CERTIFICATE", "tax.png", replacement, "image/png").put(documents(id) + "/" + docId)
                .then().statusCode(428).contentType("application/problem+json");
        multipart(token, "TAX_CERTIFICATE", "tax.png", replacement, "image/png").header("If-Match", "\"7\"")
                .put(documents(id) + "/" + docId).then().statusCode(412);
        multipart(token, "TAX_CERTIFICATE", "tax.png", replacement, "image/png").header("If-Match", "\"0\"")
                .put(documents(id) + "/" + docId).then().statusCode(200).header("ETag", "\"1\"")
                .body("id", equalTo(docId)).body("kind", equalTo("TAX_CERTIFICATE"))
                .body("contentType", equalTo("image/png")).body("sha256", equalTo(sha256(replacement)));
        assertArrayEquals(replacement, given().auth().oauth2(token).get(documents(id) + "/" + docId + "/content")
                .then().statusCode(200).contentType("image/png").extract().asByteArray());

        given().auth().oauth2(token).delete(documents(id) + "/" + docId).then().statusCode(204);
        as(token).get(documents(id) + "/" + docId).then().statusCode(404);
        given().auth().oauth2(token).get(documents(id) + "/" + docId + "/content").then().statusCode(404);
        given().auth().oauth2(token).delete(documents(id) + "/" + docId).then().statusCode(404);
        assertEquals(0L, chunksLeft(), "no chunk of a deleted or replaced content is left");
    }

    @Test
    void shouldHideTheDocumentsFromEveryoneButTheOwnerAndABankUnderALiveDocumentsConsent() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        String docId = uploaded(owner, id, pdf(1_000));
        String other = newSubject("other");
        registerEnterprise(other);
        grantConsent(owner, id, "MPROFILEONLY", "PROFILE", "FINANCIALS", "CONTACTS");
        Fixtures.expireConsent(grantConsent(owner, id, "MEXPIRED", "DOCUMENTS"));
        String revoked = grantConsent(owner, id, "MREVOKED", "DOCUMENTS");
        as(Tokens.enterprise(owner)).delete("/api/v1/enterprises/" + id + "/consents/" + revoked)
                .then().statusCode(204);
        grantConsent(owner, id, BANK, "DOCUMENTS");

        for (String token : List.of(Tokens.enterprise(other), Tokens.bank(newSubject("b"), "MNOCONSENT"),
                Tokens.bank(newSubject("b"), "MPROFILEONLY"), Tokens.bank(newSubject("b"), "MEXPIRED"),
                Tokens.bank(newSubject("b"), "MREVOKED"))) {
            for (String path : List.of(documents(id), documents(id) + "/" + docId,
                    documents(id) + "/" + docId + "/content")) {
                given().auth().oauth2(token).get(path).then().statusCode(404)
                        .contentType("application/problem+json");
            }
        }
        // another enterprise cannot change or delete them either
        multipart(Tokens.enterprise(other), "OTHER", "x.pdf", pdf(1_000), "application/pdf").header("If-Match", "\"0\"")
                .put(documents(id) + "/" + docId).then().statusCode(404);
        given().auth().oauth2(Tokens.enterprise(other)).delete(documents(id) + "/" + docId).then().statusCode(404);
        upload(other, id, "OTHER", "x.pdf", pdf(1_000), "application/pdf").then().statusCode(404);

        String banker = Tokens.bank(newSubject("banker"), BANK);
        given().auth().oauth2(banker).get(documents(id)).then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(banker).get(documents(id) + "/" + docId + "/content").then().statusCode(200);
        // a bank reads, never writes; administrators do not read documents; no token is 401
        multipart(banker, "OTHER", "x.pdf", pdf(1_000), "application/pdf").post(documents(id)).then().statusCode(403);
        given().auth().oauth2(banker).delete(documents(id) + "/" + docId).then().statusCode(403);
        given().auth().oauth2(Tokens.admin("admin-1")).get(documents(id)).then().statusCode(403);
        given().get(documents(id) + "/" + docId + "/content").then().statusCode(401);
        as(Tokens.enterprise(owner)).get(documents(id)).then().body("total", equalTo(1));
    }

    @Test
    void shouldWriteEveryBankReadOfADocumentToTheEnterprisesAccessLog() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        String docId = uploaded(owner, id, pdf(1_000));
        given().auth().oauth2(Tokens.enterprise(owner)).get(documents(id) + "/" + docId + "/content")
                .then().statusCode(200);
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id + "/access-log").then()
                .body("total", equalTo(0)); // the owner's own reads are not bank reads

        grantConsent(owner, id, "*", "DOCUMENTS");
        String banker = newSubject("banker");
        given().auth().oauth2(Tokens.bank(banker, BANK)).get(documents(id) + "/" + docId + "/content")
                .then().statusCode(200);
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id + "/access-log").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].bankId", equalTo(BANK))
                .body("items[0].subject", equalTo(banker))
                .body("items[0].categories", equalTo(List.of("DOCUMENTS")))
                .body("items[0].resource", equalTo("GET " + documents(id) + "/" + docId + "/content"));
        given().auth().oauth2(Tokens.bank(banker, BANK)).get(documents(id)).then().statusCode(200);
        as(Tokens.admin("admin-1")).get("/api/v1/enterprises/" + id + "/access-log").then()
                .body("total", equalTo(2)).body("items.resource", org.hamcrest.Matchers.hasItem("GET " + documents(id)));
    }

    @Test
    void shouldOfferDocumentsAsAConsentCategory() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        as(Tokens.enterprise(owner)).body(Map.of("bankId", BANK,
                        "categories", List.of("PROFILE", "FINANCIALS", "CONTACTS", "DOCUMENTS"),
                        "expiresAt", java.time.Instant.now().plusSeconds(86_400).toString()))
                .post("/api/v1/enterprises/" + id + "/consents").then().statusCode(201)
                .body("categories", equalTo(List.of("PROFILE", "FINANCIALS", "CONTACTS", "DOCUMENTS")));
        // DOCUMENTS shows a bank no profile field
        grantConsent(owner, id, "MDOCSONLY", "DOCUMENTS");
        as(Tokens.bank(newSubject("b"), "MDOCSONLY")).get("/api/v1/enterprises/" + id).then().statusCode(404);
    }

    static java.net.http.HttpResponse<String> send(java.net.http.HttpRequest request) {
        try {
            return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long chunksLeft() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number)
                io.quarkus.hibernate.orm.panache.Panache.getEntityManager().createNativeQuery(
                        "select count(*) from document_chunk c where not exists (select 1 from document d"
                                + " where d.content_id = c.content_id)").getSingleResult()).longValue());
    }
}
