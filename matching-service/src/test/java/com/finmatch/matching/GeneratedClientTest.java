package com.finmatch.matching;

import com.finmatch.client.matching.ApiClient;
import com.finmatch.client.matching.ApiException;
import com.finmatch.client.matching.JSON;
import com.finmatch.client.matching.api.RecommendationResourceApi;
import com.finmatch.client.matching.api.StatsResourceApi;
import com.finmatch.client.matching.model.EnterpriseRecommendations;
import com.finmatch.client.matching.model.NeedRecommendation;
import com.finmatch.client.matching.model.RecommendedProduct;
import com.finmatch.client.matching.model.Summary;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 §1: the Java client OpenAPI Generator 7.25.0 makes at build time from the committed
 * docs/openapi/matching-service.yaml (parent pom), with no hand edit, reads what matching-service makes of the events:
 * an enterprise reads its recommendations, an administrator reads the same enterprise's and the KPIs of its district.
 * The events play the other services; nothing but the generated client reads this service's API here.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class GeneratedClientTest {

    @TestHTTPResource
    URL root;

    private ApiClient client(String token) {
        // with the generated JSON mapper: no scalar coercion (docs/openapi/README.md, "A bank's client")
        ApiClient client = new ApiClient(HttpClient.newBuilder(), new JSON().getMapper(),
                root.toString().replaceAll("/+$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void shouldReadRecommendationsAndStatsWithOnlyTheClientGeneratedFromTheCommittedDocument() throws Exception {
        String enterprise = Events.id();
        String need = Events.id();
        String product = Events.id();
        String owner = "owner-" + enterprise;
        String district = "G-" + need.substring(0, 8);
        Events.publishProduct(product, "ZQRCB", district, "3.40", 1);
        Events.registerEnterprise(enterprise, owner, district, "SMART_HARDWARE");
        Events.openNeed(enterprise, need, 2_000_000, "4.50");

        RecommendationResourceApi mine = new RecommendationResourceApi(client(Tokens.enterprise(owner)));
        // 404 until the enterprise's registration reached the read model
        EnterpriseRecommendations seen = await().atMost(Duration.ofSeconds(60))
                .ignoreExceptionsMatching(e -> e instanceof ApiException api && api.getCode() == 404)
                .until(mine::myRecommendations, r -> !r.getRecommendations().isEmpty()
                        && !r.getRecommendations().get(0).getProducts().isEmpty());
        assertEquals(enterprise, seen.getEnterpriseId());
        NeedRecommendation forNeed = seen.getRecommendations().get(0);
        assertEquals(need, forNeed.getNeedId());
        assertEquals(1, forNeed.getProducts().size());
        RecommendedProduct recommended = forNeed.getProducts().get(0);
        assertEquals(product, recommended.getProductId());
        assertEquals("ZQRCB", recommended.getBankId());
        assertEquals(0, new BigDecimal("3.40").compareTo(recommended.getEstimatedRate()));
        List<String> reasons = recommended.getReasons().stream().map(m -> m.getEn()).toList();
        assertTrue(reasons.containsAll(List.of("Enterprises of this district", "High-tech enterprises preferred")),
                reasons.toString());

        ApiClient admin = client(Tokens.admin("admin-generated-client"));
        EnterpriseRecommendations asAdmin = new RecommendationResourceApi(admin).enterpriseRecommendations(enterprise);
        assertEquals(enterprise, asAdmin.getEnterpriseId());
        assertEquals(need, asAdmin.getRecommendations().get(0).getNeedId());
        assertEquals(forNeed.getProducts(), asAdmin.getRecommendations().get(0).getProducts());

        Summary summary = new StatsResourceApi(admin).statsSummary(null, null, district, null, null, null);
        assertEquals(district, summary.getDistrict());
        assertEquals(1L, summary.getTotal().getEnterprisesRegistered());
        assertEquals(1L, summary.getTotal().getOpenNeeds());
        assertEquals(1L, summary.getTotal().getMatches());
    }
}
