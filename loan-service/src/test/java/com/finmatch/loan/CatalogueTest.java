package com.finmatch.loan;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * The public catalogue over a few thousand products generated in SQL: every filter and the paging return exactly
 * the products the same rules select in Java.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class CatalogueTest {

    private static final int N = 3000;
    private static String bank;

    @Inject
    DataSource dataSource;

    // the generated product i, in Java (the SQL below builds the same)
    private static String type(int i) {
        return List.of("CREDIT_LOAN", "MORTGAGE_LOAN", "TECH_LOAN").get(i % 3);
    }

    private static long minAmount(int i) {
        return (i % 10) * 100_000L + 100_000L;
    }

    private static long maxAmount(int i) {
        return minAmount(i) + 1_000_000L * (i % 5 + 1);
    }

    private static boolean published(int i) {
        return i % 10 != 9;
    }

    private static boolean expired(int i) {
        return i % 20 == 18;
    }

    private static boolean admitsDistrict(int i, String district) {
        return switch (i % 4) {
            case 0 -> true;
            case 1 -> district.equals("441202");
            case 2 -> district.equals("441203") || district.equals("441204");
            default -> !district.equals("441226"); // NE 441226
        };
    }

    private static boolean admitsCluster(int i, String cluster) {
        return i % 5 != 0 || cluster.equals("NEV");
    }

    private static long expected(IntPredicate filter) {
        return IntStream.range(0, N).filter(i -> published(i) && !expired(i)).filter(filter).count();
    }

    @BeforeEach
    void generateProductsOnce() throws Exception {
        if (bank != null) {
            return;
        }
        bank = TestData.bankUnique("CAT");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into loan_product (id, bank_id, name, type, min_amount, max_amount, min_term_months,
                    max_term_months, min_annual_rate, max_annual_rate, guarantee_types, rules, policy_tool_ids,
                    materials_required, valid_from, valid_to, districts_allowed, districts_excluded,
                    clusters_allowed, status, created_at, updated_at, version)
                select gen_random_uuid(), ?, 'P' || lpad(i::text, 5, '0'),
                       (array['CREDIT_LOAN', 'MORTGAGE_LOAN', 'TECH_LOAN'])[i % 3 + 1],
                       (i % 10) * 100000 + 100000, (i % 10) * 100000 + 100000 + 1000000 * (i % 5 + 1),
                       6, 36, 3.1, 4.2, '["CREDIT"]', '[]', '[]', '[]', date '2026-01-01',
                       case when i % 20 = 18 then date '2020-12-31' else null end,
                       case i % 4 when 1 then array['441202'] when 2 then array['441203', '441204'] else null end,
                       case i % 4 when 3 then array['441226'] else null end,
                       case when i % 5 = 0 then array['NEV'] else null end,
                       case when i % 10 = 9 then 'DRAFT' else 'PUBLISHED' end, now(), now(), 0
                from generate_series(0, ? - 1) as i
                """)) {
            s.setString(1, bank);
            s.setInt(2, N);
            s.executeUpdate();
        }
    }

    private static long total(String query) {
        return ((Number) given().when().get("/api/v1/products?bankId=" + bank + "&" + query)
                .then().statusCode(200).extract().path("total")).longValue();
    }

    @Test
    void shouldListOnlyPublishedUnexpiredProductsWithoutAToken() {
        assertEqualsLong(expected(i -> true), total(""));
    }

    @Test
    void shouldFilterByType() {
        assertEqualsLong(expected(i -> type(i).equals("TECH_LOAN")), total("type=TECH_LOAN"));
        given().when().get("/api/v1/products?bankId=" + bank + "&type=TECH_LOAN&size=200")
                .then().body("items.type", everyItem(equalTo("TECH_LOAN")));
    }

    @Test
    void shouldFilterByDistrictAdmittingProductsWithoutADistrictRule() {
        for (String district : List.of("441202", "441204", "441226", "441284")) {
            assertEqualsLong(expected(i -> admitsDistrict(i, district)), total("district=" + district));
        }
    }

    @Test
    void shouldFilterByCluster() {
        assertEqualsLong(expected(i -> admitsCluster(i, "NEV")), total("cluster=NEV"));
        assertEqualsLong(expected(i -> admitsCluster(i, "FOOD")), total("cluster=FOOD"));
    }

    @Test
    void shouldFilterByAmountWithinTheProductRange() {
        long amount = 1_250_000L;
        assertEqualsLong(expected(i -> minAmount(i) <= amount && amount <= maxAmount(i)), total("amount=" + amount));
    }

    @Test
    void shouldCombineFilters() {
        assertEqualsLong(expected(i -> type(i).equals("CREDIT_LOAN") && admitsDistrict(i, "441203")
                && admitsCluster(i, "NEV") && minAmount(i) <= 600_000 && 600_000 <= maxAmount(i)),
                total("type=CREDIT_LOAN&district=441203&cluster=NEV&amount=600000"));
    }

    @Test
    void shouldPageInNameOrder() {
        List<String> expectedNames = IntStream.range(0, N).filter(i -> published(i) && !expired(i))
                .filter(i -> type(i).equals("MORTGAGE_LOAN")).mapToObj(i -> String.format("P%05d", i))
                .skip(100).limit(50).toList();
        List<String> names = given().when()
                .get("/api/v1/products?bankId=" + bank + "&type=MORTGAGE_LOAN&page=2&size=50")
                .then().statusCode(200).body("page", equalTo(2)).body("size", equalTo(50))
                .extract().path("items.name");
        org.junit.jupiter.api.Assertions.assertEquals(expectedNames, names);
    }

    @Test
    void shouldAnswerBadFiltersWith400NamingThem() {
        given().when().get("/api/v1/products?type=PAYDAY").then().statusCode(400)
                .body("violations[0].field", equalTo("type"));
        given().when().get("/api/v1/products?amount=lots").then().statusCode(400)
                .body("violations[0].field", equalTo("amount"));
        given().when().get("/api/v1/products?size=201").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        given().when().get("/api/v1/products?page=-1").then().statusCode(400)
                .body("violations[0].field", equalTo("page"));
    }

    @Test
    void shouldKeepDraftListsToBanksAndAdmins() {
        // no token is 401, as everywhere (CONTRACT.md); a signed-in caller without a bank is 403
        given().when().get("/api/v1/products?status=DRAFT").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.enterprise("ent1")).when().get("/api/v1/products?status=DRAFT")
                .then().statusCode(403);
        long drafts = IntStream.range(0, N).filter(i -> !published(i)).count();
        assertEqualsLong(drafts, ((Number) given().auth().oauth2(Tokens.admin("admin1"))
                .when().get("/api/v1/products?status=DRAFT&bankId=" + bank)
                .then().statusCode(200).extract().path("total")).longValue());
        assertEqualsLong(drafts, ((Number) given().auth().oauth2(Tokens.bank("b", bank))
                .when().get("/api/v1/products?status=DRAFT")
                .then().statusCode(200).extract().path("total")).longValue());
        assertEqualsLong(0, ((Number) given().auth().oauth2(Tokens.bank("b", "SOMEBANK"))
                .when().get("/api/v1/products?status=DRAFT&bankId=" + bank)
                .then().statusCode(200).extract().path("total")).longValue());
    }

    @Test
    void shouldNotListAProductPublishedAheadOfItsValidFrom() {
        String bankId = TestData.bankUnique("AHEAD");
        String token = Tokens.bank("b", bankId);
        java.time.LocalDate tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1);
        String[] ids = new String[2];
        String[] validFroms = {"2026-01-01", tomorrow.toString()};
        for (int k = 0; k < 2; k++) {
            ids[k] = given().auth().oauth2(token).contentType("application/json")
                    .body(TestData.productJson("Valid from " + validFroms[k])
                            .replace("\"validFrom\": \"2026-01-01\"", "\"validFrom\": \"" + validFroms[k] + "\""))
                    .post("/api/v1/products").then().statusCode(201).extract().path("id");
            given().auth().oauth2(token).post("/api/v1/products/" + ids[k] + "/publish").then().statusCode(200);
        }
        given().when().get("/api/v1/products?bankId=" + bankId).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(ids[0]));
        given().when().get("/api/v1/products/" + ids[1]).then().statusCode(200)
                .body("validFrom", equalTo(tomorrow.toString()));
    }

    private static void assertEqualsLong(long expected, long actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
