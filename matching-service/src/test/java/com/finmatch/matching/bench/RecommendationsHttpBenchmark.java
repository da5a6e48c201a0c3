package com.finmatch.matching.bench;

import com.finmatch.matching.domain.EnterpriseProfile;
import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.domain.LoanProduct;
import com.finmatch.matching.domain.PolicyTool;
import com.finmatch.matching.service.Json;
import com.finmatch.matching.service.MatchingService;
import com.finmatch.testing.HttpLoad;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The recommendations' HTTP read benchmark (matching-service/BENCHMARK.md, "HTTP reads"): the service as the tests run
 * it (real PostgreSQL and Kafka) with MatchingBenchmark's generated products (10,000) and one enterprise with 5 open
 * needs, written to the read-model tables and loaded by the engine; {@code GET /recommendations/me} with that
 * enterprise's token (signed as the tests sign them) loaded with wrk, and in the same run a trivial REST endpoint of
 * the same service as the baseline. Not a test (no timing is asserted; surefire runs it only when named):
 * {@code ./mvnw -B -ntp -q test -pl matching-service -am -Pbench -DskipITs -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=RecommendationsHttpBenchmark}; the table goes to standard output and to
 * {@code matching-service/target/http-bench.md}.
 */
@QuarkusTest
@TestProfile(HttpLoad.BenchProfile.class)
class RecommendationsHttpBenchmark {

    static final String OWNER = "bench-enterprise-owner";
    static final int NEEDS = 5;

    @Inject
    DataSource dataSource;

    @Inject
    MatchingService matching;

    @TestHTTPResource("/")
    URL base;

    @Test
    void measureRecommendationsAgainstATrivialEndpoint() throws Exception {
        int products = Integer.getInteger("bench.products", 10_000);
        MatchingBenchmark province = new MatchingBenchmark(1, NEEDS, products, 42);
        store(province);
        matching.invalidate(); // the engine reloads the tables on its next read
        String root = base.toString().replaceAll("/$", "");
        String me = root + "/api/v1/recommendations/me";
        String token = Tokens.enterprise(OWNER);
        assertEquals(NEEDS, given().auth().oauth2(token).get(me).then().statusCode(200).extract().jsonPath()
                .getList("recommendations").size());
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        HttpLoad.runRounds(String.format("GET /api/v1/recommendations/me, %,d products, %d open needs", products,
                NEEDS), load -> {
                    List<HttpLoad.Result> results = new ArrayList<>();
                    results.add(load.measure("baseline: GET /bench/trivial (trivial REST endpoint)",
                            root + "/bench/trivial", Map.of()));
                    results.add(load.measure("baseline with the token: GET /bench/trivial", root + "/bench/trivial",
                            bearer));
                    results.add(load.measure("GET /q/health/live", root + "/q/health/live", Map.of()));
                    results.add(load.measure("GET /api/v1/recommendations/me (5 open needs)", me, bearer));
                    return results;
                });
    }

    private void store(MatchingBenchmark province) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            EnterpriseProfile profile = province.profile(0);
            try (PreparedStatement s = c.prepareStatement("insert into enterprise_rm (id, owner_sub, name,"
                    + " district_code, cluster_code, size_class, version, registered_at, payload)"
                    + " values (?, ?, ?, ?, ?, ?, 1, ?, ?)")) {
                s.setObject(1, UUID.fromString(profile.enterpriseId()));
                s.setString(2, OWNER);
                s.setString(3, "基准测试企业");
                s.setString(4, profile.districtCode());
                s.setString(5, profile.clusterCode());
                s.setString(6, profile.sizeClass());
                s.setTimestamp(7, now);
                s.setString(8, Json.write(profile));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into need_rm (id, enterprise_id, kind, amount,"
                    + " term_months, status, opened_at, payload) values (?, ?, 'NEED', ?, ?, 'OPEN', ?, ?)")) {
                for (int n = 0; n < NEEDS; n++) {
                    FinancingNeed need = province.need(n, province.nAmount[n]);
                    s.setObject(1, UUID.fromString(need.needId()));
                    s.setObject(2, UUID.fromString(need.enterpriseId()));
                    s.setBigDecimal(3, need.amount());
                    s.setInt(4, need.termMonths());
                    s.setTimestamp(5, now);
                    s.setString(6, Json.write(need));
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("insert into policy_tool_rm (id, kind, active, payload)"
                    + " values (?, ?, ?, ?)")) {
                for (PolicyTool tool : province.tools) {
                    s.setObject(1, UUID.fromString(tool.policyToolId()));
                    s.setString(2, tool.kind());
                    s.setBoolean(3, tool.active());
                    s.setString(4, Json.write(tool));
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("insert into product_rm (id, bank_id, name, type, status,"
                    + " version, payload) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (LoanProduct p : province.catalogue) {
                    s.setObject(1, UUID.fromString(p.productId()));
                    s.setString(2, p.bankId());
                    s.setString(3, p.name());
                    s.setString(4, p.type());
                    s.setString(5, p.status());
                    s.setLong(6, p.version());
                    s.setString(7, Json.write(p));
                    s.addBatch();
                }
                s.executeBatch();
            }
            c.commit();
        }
    }
}
