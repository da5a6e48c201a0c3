package com.finmatch.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;

import com.finmatch.portal.client.loan.api.BankResourceApi;
import com.finmatch.portal.client.matching.api.ScorecardResourceApi;
import com.finmatch.portal.client.matching.api.StatsResourceApi;
import com.finmatch.portal.client.matching.model.PageResponseBankScorecard;
import com.finmatch.portal.client.matching.model.Summary;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

/**
 * Each government role is shown, and may open, only the staff pages of its desk (issue 16 §3): the finance bureau
 * scorecards, policy tools and banks; the industry bureau training, clusters, the project library and list imports;
 * both bureaus the city's dashboard, a district its own (matching-service confines it to its district); the
 * administrator all of them; the auditor none.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RoleNavigationTest {

    private static final List<String> FINANCE = List.of("/admin/scorecards", "/admin/policy-tools", "/admin/banks");
    private static final List<String> INDUSTRY = List.of("/admin/training-offers", "/admin/clusters", "/admin/projects",
            "/admin/imports");
    private static final List<String> ADMIN_ONLY = List.of("/admin/feed", "/admin/calendar", "/admin/dead-letters");

    @InjectMock
    @RestClient
    ScorecardResourceApi scorecards;

    @InjectMock
    @RestClient
    StatsResourceApi stats;

    @InjectMock
    @RestClient
    BankResourceApi banks;

    private static ValidatableResponse linksTo(ValidatableResponse page, List<String> shown, List<String> hidden) {
        shown.forEach(href -> page.body(containsString("href=\"" + href + "\"")));
        hidden.forEach(href -> page.body(not(containsString("href=\"" + href + "\""))));
        return page;
    }

    private static java.util.ArrayList<String> all(List<String>... lists) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    @Test
    @TestSecurity(user = "fin1", roles = "finance-bureau")
    void shouldShowTheFinanceBureauOnlyItsDesk() {
        when(scorecards.bankScorecards(any(), anyInt(), anyInt(), any())).thenReturn(TestJson.as(
                PageResponseBankScorecard.class, Map.of("items", List.of(), "page", 0, "size", 200, "total", 0)));
        linksTo(given().get("/admin/scorecards").then().statusCode(200), all(FINANCE, List.of("/admin")),
                all(INDUSTRY, ADMIN_ONLY));
        when(stats.statsSummary(any(), any(), any(), any(), any(), any())).thenReturn(new Summary());
        given().get("/admin").then().statusCode(200);
        for (String page : all(INDUSTRY, ADMIN_ONLY)) {
            given().get(page).then().statusCode(403);
        }
    }

    @Test
    @TestSecurity(user = "ind1", roles = "industry-bureau")
    void shouldShowTheIndustryBureauOnlyItsDesk() {
        linksTo(given().get("/admin/clusters").then().statusCode(200), all(INDUSTRY, List.of("/admin")),
                all(FINANCE, ADMIN_ONLY));
        for (String page : all(FINANCE, ADMIN_ONLY)) {
            given().get(page).then().statusCode(403);
        }
    }

    @Test
    @TestSecurity(user = "dist1", roles = "district")
    void shouldShowADistrictOnlyTheDashboard() {
        when(stats.statsSummary(any(), any(), any(), any(), any(), any())).thenReturn(new Summary());
        linksTo(given().get("/admin").then().statusCode(200), List.of("/admin"), all(FINANCE, INDUSTRY, ADMIN_ONLY));
        for (String page : all(FINANCE, INDUSTRY, ADMIN_ONLY)) {
            given().get(page).then().statusCode(403);
        }
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldShowTheAdministratorEveryStaffPage() {
        linksTo(given().get("/admin/clusters").then().statusCode(200), all(FINANCE, INDUSTRY, ADMIN_ONLY,
                List.of("/admin")), List.of());
    }

    @Test
    @TestSecurity(user = "audit1", roles = "auditor")
    void shouldShowTheAuditorNoStaffPage() {
        given().get("/admin/clusters").then().statusCode(403);
        given().get("/admin").then().statusCode(403);
    }
}
