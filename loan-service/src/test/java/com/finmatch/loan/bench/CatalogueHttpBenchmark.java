package com.finmatch.loan.bench;

import com.finmatch.testing.HttpLoad;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The catalogue's HTTP read benchmark (loan-service/BENCHMARK.md, "HTTP reads"): the service as the tests run it (real
 * PostgreSQL and Kafka) with CatalogueBenchmark's province of 10,000 published products, loaded with wrk; in the same
 * run a trivial REST endpoint of the same service is the baseline. Not a test (no timing is asserted; surefire runs
 * it only when named): {@code ./mvnw -B -ntp -q test -pl loan-service -am -DskipITs
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtest=CatalogueHttpBenchmark}; the table goes to standard output and to
 * {@code loan-service/target/http-bench.md} (HttpLoad.runRounds).
 */
@QuarkusTest
@TestProfile(HttpLoad.BenchProfile.class)
class CatalogueHttpBenchmark {

    static final String FILTERED = "type=CREDIT_LOAN&district=441202&cluster=ELECTRONICS&amount=2000000";

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void measureCatalogueReadsAgainstATrivialEndpoint() throws Exception {
        int products = Integer.getInteger("bench.products", 10_000);
        try (Connection c = dataSource.getConnection()) {
            CatalogueBenchmark.insert(c, products, new Random(42));
            try (Statement s = c.createStatement()) {
                s.execute("analyze");
            }
        }
        String root = base.toString().replaceAll("/$", "");
        String page = root + "/api/v1/products";
        String filtered = page + "?" + FILTERED;
        assertEquals(products, given().get(page).then().statusCode(200).extract().jsonPath().getLong("total"));
        HttpLoad.runRounds(String.format("GET /api/v1/products, %,d published products", products), load -> {
            List<HttpLoad.Result> results = new ArrayList<>();
            results.add(load.measure("baseline: GET /bench/trivial (trivial REST endpoint)", root + "/bench/trivial",
                    Map.of()));
            results.add(load.measure("GET /q/health/live", root + "/q/health/live", Map.of()));
            results.add(load.measure("GET /api/v1/products (first page)", page, Map.of()));
            results.add(load.measure("GET /api/v1/products?" + FILTERED, filtered, Map.of()));
            String etag = given().get(page).then().statusCode(200).extract().header("ETag");
            if (etag != null) {
                results.add(load.measure("GET /api/v1/products, If-None-Match (304)", page,
                        Map.of("If-None-Match", etag)));
            }
            return results;
        });
    }
}
