package com.finmatch.loan;

import com.finmatch.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The public catalogue is answered from a page cache (api.CataloguePages) with HTTP caching: every change to a product
 * shows in the next read, from this replica or any other, a matching If-None-Match gets 304, and no cached page is
 * ever answered for another filter or shows a draft.
 */
@QuarkusTest
class CatalogueCacheTest {

    private static final String PRODUCTS = "/api/v1/products";

    @Inject
    DataSource dataSource;

    private static String create(String bank, String name, String type) {
        return given().auth().oauth2(bank).contentType(ContentType.JSON)
                .body(TestData.productJson(name, type, 500000, 10000000, "")).when().post(PRODUCTS)
                .then().statusCode(201).extract().path("id");
    }

    private static int move(String bank, String id, String move) {
        return given().auth().oauth2(bank).when().post(PRODUCTS + "/" + id + "/" + move).then().statusCode(200)
                .extract().path("version");
    }

    private static Response catalogue(String query) {
        return given().when().get(PRODUCTS + "?" + query);
    }

    @Test
    void shouldShowEveryProductChangeInTheNextCatalogueReadWhileItsPageIsCached() {
        String bankId = TestData.bankUnique("CCH");
        String bank = Tokens.bank("cache-" + bankId, bankId);
        String id = create(bank, "缓存测试贷", "CREDIT_LOAN");
        catalogue("bankId=" + bankId).then().statusCode(200).body("total", equalTo(0));
        catalogue("bankId=" + bankId).then().statusCode(200).body("total", equalTo(0)); // now cached

        int version = move(bank, id, "publish");
        catalogue("bankId=" + bankId).then().statusCode(200).body("total", equalTo(1))
                .body("items.name", contains("缓存测试贷"));

        given().auth().oauth2(bank).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(TestData.productJson("缓存测试贷 二期", "CREDIT_LOAN", 500000, 10000000, ""))
                .when().put(PRODUCTS + "/" + id).then().statusCode(200);
        catalogue("bankId=" + bankId).then().statusCode(200).body("items.name", contains("缓存测试贷 二期"));

        move(bank, id, "suspend");
        catalogue("bankId=" + bankId).then().statusCode(200).body("total", equalTo(0));
        move(bank, id, "publish");
        catalogue("bankId=" + bankId).then().statusCode(200).body("total", equalTo(1));
        move(bank, id, "withdraw");
        catalogue("bankId=" + bankId).then().statusCode(200).body("total", equalTo(0)).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void shouldShowAChangeAnotherReplicaCommittedInTheNextRead() throws Exception {
        String bankId = TestData.bankUnique("CCR");
        String bank = Tokens.bank("cache-" + bankId, bankId);
        String id = create(bank, "跨副本贷", "TECH_LOAN");
        move(bank, id, "publish");
        catalogue("bankId=" + bankId).then().statusCode(200).body("items.name", contains("跨副本贷"));

        // another replica's change reaches this one only through the shared database: write it there directly
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update loan_product set name = ? where id = ?")) {
            s.setString(1, "跨副本贷 改名");
            s.setObject(2, UUID.fromString(id));
            assertEquals(1, s.executeUpdate());
        }
        catalogue("bankId=" + bankId).then().statusCode(200).body("items.name", contains("跨副本贷 改名"));
    }

    @Test
    void shouldAnswerNotModifiedToAMatchingIfNoneMatchAndTheNewPageAfterAChange() {
        String bankId = TestData.bankUnique("CCE");
        String bank = Tokens.bank("cache-" + bankId, bankId);
        move(bank, create(bank, "标签贷 一", "CREDIT_LOAN"), "publish");
        Response first = catalogue("bankId=" + bankId);
        first.then().statusCode(200).header("Cache-Control", equalTo("public, no-cache"))
                .header("ETag", matchesPattern("^\"[A-Za-z0-9_-]+\"$")).body("total", equalTo(1));
        String etag = first.header("ETag");
        assertEquals(etag, catalogue("bankId=" + bankId).header("ETag"), "the same page has the same tag");

        given().header("If-None-Match", etag).when().get(PRODUCTS + "?bankId=" + bankId).then().statusCode(304)
                .header("ETag", equalTo(etag)).header("Cache-Control", equalTo("public, no-cache"))
                .body(emptyString());
        given().header("If-None-Match", "\"other\", W/" + etag).when().get(PRODUCTS + "?bankId=" + bankId)
                .then().statusCode(304);
        given().header("If-None-Match", "\"other\"").when().get(PRODUCTS + "?bankId=" + bankId)
                .then().statusCode(200).body("total", equalTo(1));

        move(bank, create(bank, "标签贷 二", "CREDIT_LOAN"), "publish");
        Response changed = given().header("If-None-Match", etag).when().get(PRODUCTS + "?bankId=" + bankId);
        changed.then().statusCode(200).body("total", equalTo(2)).body("items.name", contains("标签贷 一", "标签贷 二"));
        assertNotEquals(etag, changed.header("ETag"));
    }

    @Test
    void shouldNeverAnswerACachedPageForAnotherFilterOrShowADraft() {
        String bankId = TestData.bankUnique("CCF");
        String bank = Tokens.bank("cache-" + bankId, bankId);
        move(bank, create(bank, "公开信用贷", "CREDIT_LOAN"), "publish");
        move(bank, create(bank, "公开科技贷", "TECH_LOAN"), "publish");
        create(bank, "草稿科技贷", "TECH_LOAN");

        Response all = catalogue("bankId=" + bankId);
        all.then().statusCode(200).body("items.name", contains("公开信用贷", "公开科技贷"));
        Response tech = catalogue("bankId=" + bankId + "&type=TECH_LOAN");
        tech.then().statusCode(200).body("items.name", contains("公开科技贷"));
        catalogue("bankId=" + bankId + "&size=1&page=1").then().statusCode(200).body("items.name", contains("公开科技贷"));
        catalogue("bankId=" + bankId + "&status=PUBLISHED").then().statusCode(200)
                .body("items.name", contains("公开信用贷", "公开科技贷"));
        assertNotEquals(all.header("ETag"), tech.header("ETag"));
        // another filter's tag names no page of this one
        given().header("If-None-Match", tech.header("ETag")).when().get(PRODUCTS + "?bankId=" + bankId)
                .then().statusCode(200).body("total", equalTo(2));

        // the bank's own drafts: only to the bank, never cached for the public, never with the public's headers
        given().auth().oauth2(bank).when().get(PRODUCTS + "?status=DRAFT&bankId=" + bankId).then().statusCode(200)
                .body("items.name", contains("草稿科技贷")).header("ETag", nullValue())
                .header("Cache-Control", not(equalTo("public, no-cache")));
        given().when().get(PRODUCTS + "?status=DRAFT&bankId=" + bankId).then().statusCode(401);
        given().header("If-None-Match", "*").when().get(PRODUCTS + "?status=DRAFT&bankId=" + bankId).then()
                .statusCode(401);
        catalogue("bankId=" + bankId + "&type=TECH_LOAN").then().statusCode(200)
                .body("items.name", contains("公开科技贷"));
        given().auth().oauth2(bank).when().get(PRODUCTS + "?bankId=" + bankId).then().statusCode(200)
                .body("items.name", contains("公开信用贷", "公开科技贷"));
    }
}
