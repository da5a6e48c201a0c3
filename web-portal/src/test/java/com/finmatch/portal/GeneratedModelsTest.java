package com.finmatch.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.portal.client.ClientJson;
import com.finmatch.portal.client.enterprise.model.ConsentView;
import com.finmatch.portal.client.enterprise.model.EnterpriseView;
import com.finmatch.portal.client.enterprise.model.FinancingNeedView;
import com.finmatch.portal.client.loan.model.ComparisonRule;
import com.finmatch.portal.client.loan.model.ListRule;
import com.finmatch.portal.client.loan.model.PolicyToolView;
import com.finmatch.portal.client.loan.model.ProductView;
import com.finmatch.portal.client.loan.model.RangeRule;
import com.finmatch.portal.client.matching.model.EnterpriseRecommendations;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import com.finmatch.portal.client.loan.model.ProductRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The models generated from docs/openapi carry every field of what the services return: a fully populated product,
 * enterprise profile, financing need, consent, policy tool and an enterprise's recommendations, as loan-service,
 * enterprise-service and matching-service write them (their view records, every field set), are read strictly (an
 * unknown field fails) with the portal's own ObjectMapper and written back to the same JSON (the generated models write
 * an absent field as null, so a field the file lacks or the model drops fails the comparison too). So a page or an
 * edit form that reads a resource through the generated client and sends it back loses nothing.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class GeneratedModelsTest {

    @Test
    void shouldReadAndWriteAFullyPopulatedProductWithEveryShapeOfRuleWithoutLosingAField() throws IOException {
        ProductView product = roundTrip("product.json", ProductView.class);
        assertInstanceOf(ListRule.class, product.getRules().get(0));
        assertInstanceOf(ComparisonRule.class, product.getRules().get(1));
        assertInstanceOf(RangeRule.class, product.getRules().get(4));
        assertEquals("441202", ((ListRule) product.getRules().get(0)).getValue().get(0), "a district code stays text");
    }

    @Test
    void shouldReadAndWriteAFullyPopulatedEnterpriseProfileWithoutLosingAField() throws IOException {
        roundTrip("profile.json", EnterpriseView.class);
    }

    @Test
    void shouldReadAndWriteAFullyPopulatedFinancingNeedWithoutLosingAField() throws IOException {
        roundTrip("need.json", FinancingNeedView.class);
    }

    @Test
    void shouldReadAndWriteAFullyPopulatedConsentWithoutLosingAField() throws IOException {
        roundTrip("consent.json", ConsentView.class);
    }

    @Test
    void shouldReadAndWriteFullyPopulatedRecommendationsWithoutLosingAField() throws IOException {
        EnterpriseRecommendations read = roundTrip("recommendation.json", EnterpriseRecommendations.class);
        assertEquals("UNDER_REVIEW", read.getRecommendations().get(0).getProducts().get(0).getApplied().getStatus());
    }

    @Test
    void shouldReadAndWriteAFullyPopulatedPolicyToolWithoutLosingAField() throws IOException {
        roundTrip("policy-tool.json", PolicyToolView.class);
    }

    @Test
    void shouldSendARuleValueTypedIntoTheFormExactlyAsTyped() throws IOException {
        Map<String, Object> rule = Map.of("field", "revenueGrowth", "operator", "GE", "value", new BigDecimal("10"),
                "hard", false, "weight", 20);
        Map<String, Object> range = Map.of("field", "employees", "operator", "BETWEEN",
                "value", List.of(new BigDecimal("10"), new BigDecimal("2.50")));
        ProductRequest request = ClientJson.request(Map.of("name", "x", "rules", List.of(rule, range)),
                ProductRequest.class);
        JsonNode sent = ClientJson.mapper().readTree(ClientJson.mapper().writeValueAsString(request));
        assertEquals("10", sent.path("rules").path(0).path("value").toString(), "10 is sent as 10, not 1E+1 or 10.0");
        assertEquals("[10,2.50]", sent.path("rules").path(1).path("value").toString());
    }

    private static <T> T roundTrip(String file, Class<T> model) throws IOException {
        ObjectMapper mapper = ClientJson.mapper();
        String json = Files.readString(Path.of("src/test/resources/service-json", file));
        T read = mapper.readerFor(model).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        JsonNode written = mapper.readTree(mapper.writeValueAsString(read));
        JsonNode original = mapper.readTree(json);
        assertEquals(original, written, file + " read as " + model.getSimpleName() + " and written back");
        return read;
    }
}
