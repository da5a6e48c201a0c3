package com.finmatch.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.finmatch.portal.client.enterprise.api.ApplicationResourceApi;
import com.finmatch.portal.client.enterprise.api.EnterpriseResourceApi;
import com.finmatch.portal.client.enterprise.api.FinancingNeedResourceApi;
import com.finmatch.portal.client.enterprise.api.ProjectResourceApi;
import com.finmatch.portal.client.enterprise.api.ProjectSearchResourceApi;
import com.finmatch.portal.client.enterprise.api.ReferenceResourceApi;
import com.finmatch.portal.client.enterprise.model.ApplicationRequest;
import com.finmatch.portal.client.enterprise.model.ApplicationView;
import com.finmatch.portal.client.enterprise.model.DataCategoryFields;
import com.finmatch.portal.client.enterprise.model.EnterpriseView;
import com.finmatch.portal.client.enterprise.model.FinancingNeedRequest;
import com.finmatch.portal.client.enterprise.model.FinancingNeedView;
import com.finmatch.portal.client.enterprise.model.PageResponseApplicationView;
import com.finmatch.portal.client.enterprise.model.PageResponseFinancingNeedView;
import com.finmatch.portal.client.enterprise.model.PageResponseProjectView;
import com.finmatch.portal.client.enterprise.model.ProjectView;
import com.finmatch.portal.client.loan.api.LeadResourceApi;
import com.finmatch.portal.client.loan.api.PolicyToolResourceApi;
import com.finmatch.portal.client.loan.api.ProductResourceApi;
import com.finmatch.portal.client.loan.model.PageResponseLeadView;
import com.finmatch.portal.client.loan.model.PageResponsePolicyToolView;
import com.finmatch.portal.client.loan.model.PolicyToolRequest;
import com.finmatch.portal.client.loan.model.PolicyToolView;
import com.finmatch.portal.client.loan.model.ProductRequest;
import com.finmatch.portal.client.loan.model.ProductView;
import com.finmatch.portal.client.matching.api.RecommendationResourceApi;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Issue 10 §2 with stubbed services: edit forms send back every field of the resource they do not show, rule values
 * keep their types, the policy-tool form writes a tool's own fields, a major project's gap can be applied for, a
 * service failure is an error page (never an empty list), and long lists are paged visibly.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class FormsKeepDataTest {
    static final String PRODUCT_ID = "7d6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e70";
    static final String TOOL_ID = "8d6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e71";
    static final String PROJECT_ID = "9d6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e72";
    static final String NEW_NEED_ID = "ad6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e73";
    static final String ENTERPRISE_ID = EnterprisePagesTest.ENTERPRISE_ID;

    @InjectMock
    @RestClient
    PolicyToolResourceApi tools;

    @InjectMock
    @RestClient
    LeadResourceApi leads;

    @InjectMock
    @RestClient
    ProductResourceApi catalog;

    @InjectMock
    @RestClient
    EnterpriseResourceApi enterprises;

    @InjectMock
    @RestClient
    FinancingNeedResourceApi needs;

    @InjectMock
    @RestClient
    ProjectResourceApi projects;

    @InjectMock
    @RestClient
    ProjectSearchResourceApi projectLibrary;

    @InjectMock
    @RestClient
    ApplicationResourceApi applications;

    @InjectMock
    @RestClient
    ReferenceResourceApi reference;

    @InjectMock
    @RestClient
    RecommendationResourceApi matching;

    static final UUID ENTERPRISE = UUID.fromString(ENTERPRISE_ID);

    // ------------------------------------------------------------------------------------------------ product form

    static Map<String, Object> storedProduct() {
        return TestJson.obj("id", PRODUCT_ID, "bankId", "ZQRCB", "name", "专精特新信用贷", "type", "CREDIT_LOAN",
                "description", "纯信用", "minAmount", 500000.0, "maxAmount", 10000000.0, "minTermMonths", 6,
                "maxTermMonths", 36, "minAnnualRate", 3.1, "maxAnnualRate", 3.85, "lprSpreadBps", -20,
                "guaranteeTypes", List.of("CREDIT"),
                "rules", List.of(
                        TestJson.obj("field", "districtCode", "operator", "IN", "value", List.of("441202", "441203"),
                                "hard", true, "weight", 0, "message", TestJson.obj("zh", "注册地在肇庆市", "en", "In Zhaoqing")),
                        TestJson.obj("field", "yearsInBusiness", "operator", "GE", "value", 2, "hard", true,
                                "weight", 0, "message", TestJson.obj("zh", "成立满2年", "en", "2 years")),
                        TestJson.obj("field", "revenueGrowth", "operator", "GE", "value", 10, "hard", false,
                                "weight", 20, "message", TestJson.obj("zh", "增长10%", "en", "10 % growth"))),
                "policyToolIds", List.of(TOOL_ID), "materialsRequired", List.of("营业执照", "财务报表"),
                "validFrom", "2026-01-01", "validTo", "2027-12-31", "status", "PUBLISHED", "version", 7,
                "createdAt", "2026-01-01T00:00:00Z", "updatedAt", "2026-02-01T00:00:00Z",
                "publishedAt", "2026-01-02T00:00:00Z");
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldShowEmptyRuleRowsEmptyAndEveryStoredRuleFieldInTheProductForm() {
        when(catalog.getProduct(java.util.UUID.fromString(PRODUCT_ID)))
                .thenReturn(TestJson.as(ProductView.class, storedProduct()));
        given().get("/bank/products/" + PRODUCT_ID + "/edit").then().statusCode(200)
                .body(not(containsString("NOT_FOUND")))
                .body(containsString("value=\"441202,441203\""))
                .body(containsString("<option value=\"revenueGrowth\" selected>"));
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    @SuppressWarnings("unchecked")
    void shouldSendBackEveryFieldTheProductFormDoesNotShowAndKeepCodesAsText() {
        when(catalog.getProduct(java.util.UUID.fromString(PRODUCT_ID)))
                .thenReturn(TestJson.as(ProductView.class, storedProduct()));
        when(catalog.updateProduct(eq(java.util.UUID.fromString(PRODUCT_ID)), any(), any()))
                .thenReturn(TestJson.as(ProductView.class, storedProduct()));
        String[] token = EnterprisePagesTest.csrf("/bank/products/" + PRODUCT_ID + "/edit");
        form(token).formParam("id", PRODUCT_ID).formParam("version", "7").formParam("name", "专精特新信用贷")
                .formParam("type", "CREDIT_LOAN").formParam("description", "纯信用").formParam("minAmount", "500000.0")
                .formParam("maxAmount", "10000000.0").formParam("minTermMonths", "6").formParam("maxTermMonths", "36")
                .formParam("minAnnualRate", "3.1").formParam("maxAnnualRate", "3.85").formParam("guaranteeTypes", "CREDIT")
                .formParam("validFrom", "2026-01-01").formParam("validTo", "2027-12-31")
                .formParam("ruleField", "districtCode", "yearsInBusiness", "revenueGrowth", "")
                .formParam("ruleOperator", "IN", "GE", "GE", "EQ")
                .formParam("ruleValue", "441202,441203", "2", "10", "")
                .formParam("ruleHard", "true", "true", "false", "true")
                .formParam("ruleWeight", "0", "0", "20", "")
                .formParam("ruleZh", "注册地在肇庆市", "成立满2年", "增长10%", "")
                .formParam("ruleEn", "In Zhaoqing", "2 years", "10 % growth", "")
                .post("/bank/products").then().statusCode(303)
                .header("Location", containsString("/bank/products?done=product_saved"));
        ArgumentCaptor<ProductRequest> sent = ArgumentCaptor.forClass(ProductRequest.class);
        verify(catalog).updateProduct(eq(java.util.UUID.fromString(PRODUCT_ID)), sent.capture(), eq("\"7\""));
        Map<String, Object> body = TestJson.json(sent.getValue());
        assertEquals(-20, body.get("lprSpreadBps"));
        assertEquals(List.of(TOOL_ID), body.get("policyToolIds"));
        assertEquals(List.of("营业执照", "财务报表"), body.get("materialsRequired"));
        List<Map<String, Object>> rules = (List<Map<String, Object>>) body.get("rules");
        assertEquals(3, rules.size(), "the empty row is no rule: " + rules);
        assertEquals(List.of("441202", "441203"), rules.get(0).get("value"), "district codes stay text");
        assertEquals(0, new BigDecimal("2").compareTo(new BigDecimal(rules.get(1).get("value").toString())),
                "a number stays a number");
        assertTrue(rules.get(1).get("value") instanceof Number, "a number stays a number");
        for (String readOnly : List.of("id", "bankId", "status", "version", "createdAt", "updatedAt", "publishedAt")) {
            assertTrue(!body.containsKey(readOnly), readOnly + " is the service's, not sent back");
        }
    }

    // ------------------------------------------------------------------------------------------------ profile form

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    @SuppressWarnings("unchecked")
    void shouldSendBackTheProfilesContactsAndRevenueGrowthWhichItsFormDoesNotShow() {
        Map<String, Object> stored = TestJson.obj("id", ENTERPRISE_ID, "uscc", "91441203MATQ1UKWXG",
                "name", "肇庆市鼎能汽车零部件有限公司", "legalRepresentative", "冯海燕", "foundedOn", "2022-11-28",
                "registeredCapital", 1000000.0, "districtCode", "441203", "industryCode", "C3670",
                "clusterCode", "NEV_AUTO", "sizeClass", "MICRO", "tags", List.of("HIGH_TECH"), "employees", 8,
                "annualRevenue", 5000000.0, "netProfit", 434000.0, "revenueGrowth", 12.5, "creditRating", "CCC", "contactName", "张三",
                "contactPhone", "0758-2345678", "contactEmail", "cfo@example.cn", "version", 3,
                "createdAt", "2026-01-01T00:00:00Z", "updatedAt", "2026-01-01T00:00:00Z");
        when(enterprises.myEnterprise()).thenReturn(TestJson.as(EnterpriseView.class, stored));
        when(enterprises.getEnterprise(ENTERPRISE)).thenReturn(TestJson.as(EnterpriseView.class, stored));
        when(enterprises.updateEnterprise(eq(ENTERPRISE), any(), any())).thenReturn(TestJson.as(EnterpriseView.class, stored));
        String[] token = EnterprisePagesTest.csrf("/enterprise/profile");
        given().get("/enterprise/profile").then().statusCode(200)
                .body(containsString("<option value=\"CCC\" selected>"));
        form(token).formParam("id", ENTERPRISE_ID).formParam("version", "3").formParam("uscc", "91441203MATQ1UKWXG")
                .formParam("name", "肇庆市鼎能汽车零部件有限公司").formParam("legalRepresentative", "冯海燕")
                .formParam("foundedOn", "2022-11-28").formParam("registeredCapital", "1000000.0")
                .formParam("districtCode", "441203").formParam("industryCode", "C3670").formParam("clusterCode", "NEV_AUTO")
                .formParam("sizeClass", "MICRO").formParam("tags", "HIGH_TECH").formParam("employees", "8")
                .formParam("annualRevenue", "5000000.0").formParam("creditRating", "CCC")
                .post("/enterprise/profile").then().statusCode(303)
                .header("Location", containsString("/enterprise?done=profile_saved"));
        ArgumentCaptor<com.finmatch.portal.client.enterprise.model.EnterpriseRequest> sent =
                ArgumentCaptor.forClass(com.finmatch.portal.client.enterprise.model.EnterpriseRequest.class);
        verify(enterprises).updateEnterprise(eq(ENTERPRISE), sent.capture(), eq("\"3\""));
        Map<String, Object> body = TestJson.json(sent.getValue());
        assertEquals("张三", body.get("contactName"));
        assertEquals("0758-2345678", body.get("contactPhone"));
        assertEquals("cfo@example.cn", body.get("contactEmail"));
        assertEquals(12.5, ((Number) body.get("revenueGrowth")).doubleValue());
        assertEquals("CCC", body.get("creditRating"));
        assertTrue(!body.containsKey("netProfit"), "a shown field left blank is sent as absent");
    }

    // ------------------------------------------------------------------------------------------------ policy tools

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldCreateARiskPoolWithItsSizeAndShareAndListToolsByKind() {
        when(tools.listPolicyTools(any(), anyInt(), anyInt())).thenReturn(TestJson.as(PageResponsePolicyToolView.class, Map.of("items", List.of(TestJson.obj("id", TOOL_ID,
                "kind", "RISK_POOL", "name", "风险补偿资金池一号", "validFrom", "2026-01-01", "validTo", "2028-12-31",
                "active", true)), "total", 1)));
        given().get("/admin/policy-tools").then().statusCode(200)
                .body(containsString("data-kind=\"RISK_POOL\">风险补偿资金池</span>"))
                .body(containsString("/admin/policy-tools/" + TOOL_ID + "/edit"));
        when(tools.createPolicyTool(any())).thenReturn(TestJson.as(PolicyToolView.class, Map.of("id", TOOL_ID)));
        String[] token = EnterprisePagesTest.csrf("/admin/policy-tools");
        form(token).formParam("name", "新风险池").formParam("kind", "RISK_POOL").formParam("poolSize", "30000000")
                .formParam("coverageShare", "0.5").formParam("active", "true")
                .post("/admin/policy-tools").then().statusCode(303)
                .header("Location", containsString("done=tool_created"));
        verify(tools).createPolicyTool(TestJson.as(PolicyToolRequest.class, Map.of("kind", "RISK_POOL", "name", "新风险池",
                "poolSize", new BigDecimal("30000000"), "coverageShare", new BigDecimal("0.5"), "active", true)));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    @SuppressWarnings("unchecked")
    void shouldEditAPolicyToolSendingBackWhatTheFormDoesNotShow() {
        Map<String, Object> stored = TestJson.obj("id", TOOL_ID, "kind", "INTEREST_SUBSIDY", "name", "技改贴息",
                "subsidyRate", 1.0, "perEnterpriseCap", 1000000.0, "budget", 5000000.0, "budgetUsed", 100000.0,
                "exposureUsed", 20000.0, "validFrom", "2026-01-01", "active", false, "version", 4);
        when(tools.getPolicyTool(java.util.UUID.fromString(TOOL_ID))).thenReturn(TestJson.as(PolicyToolView.class, stored));
        when(tools.updatePolicyTool(eq(java.util.UUID.fromString(TOOL_ID)), any(), any()))
                .thenReturn(TestJson.as(PolicyToolView.class, stored));
        String[] token = EnterprisePagesTest.csrf("/admin/policy-tools/" + TOOL_ID + "/edit");
        given().get("/admin/policy-tools/" + TOOL_ID + "/edit").then().statusCode(200)
                .body(containsString("<option value=\"false\" selected>"));
        form(token).formParam("version", "4").formParam("name", "技改贴息").formParam("kind", "INTEREST_SUBSIDY")
                .formParam("subsidyRate", "1.0").formParam("perEnterpriseCap", "1000000.0").formParam("budget", "5000000.0")
                .formParam("budgetUsed", "100000.0").formParam("exposureUsed", "20000.0").formParam("validFrom", "2026-01-01")
                .formParam("active", "false")
                .post("/admin/policy-tools/" + TOOL_ID).then().statusCode(303)
                .header("Location", containsString("done=tool_saved"));
        ArgumentCaptor<PolicyToolRequest> sent = ArgumentCaptor.forClass(PolicyToolRequest.class);
        verify(tools).updatePolicyTool(eq(java.util.UUID.fromString(TOOL_ID)), sent.capture(), eq("\"4\""));
        Map<String, Object> body = TestJson.json(sent.getValue());
        Map<String, Object> expected = TestJson.json(TestJson.as(PolicyToolRequest.class, stored));
        assertEquals(expected, body, "every writable field of the stored tool goes back as it was");
        assertEquals(20000.0, ((Number) body.get("exposureUsed")).doubleValue());
        assertEquals(false, body.get("active"));
        assertTrue(!body.containsKey("version") && !body.containsKey("id"));
    }

    // ------------------------------------------------------------------------------------------------ project gaps

    void registeredWithAProject() {
        when(enterprises.myEnterprise()).thenReturn(TestJson.as(EnterpriseView.class, TestJson.obj("id", ENTERPRISE_ID,
                "name", "肇庆市鼎能汽车零部件有限公司", "uscc", "91441203MATQ1UKWXG", "districtCode", "441203",
                "sizeClass", "SMALL", "version", 3)));
        Map<String, Object> project = TestJson.obj("id", PROJECT_ID, "enterpriseId", ENTERPRISE_ID,
                "name", "高要金属智造产业园", "investmentAmount", 800000000, "financingGap", 300000000,
                "stage", "UNDER_CONSTRUCTION", "termMonths", 96);
        when(projects.listProjects(eq(ENTERPRISE), anyInt(), anyInt()))
                .thenReturn(EnterprisePagesTest.page(PageResponseProjectView.class, List.of(project)));
        when(projects.getProject(ENTERPRISE, UUID.fromString(PROJECT_ID))).thenReturn(TestJson.as(ProjectView.class, project));
        when(catalog.getProduct(java.util.UUID.fromString(EnterprisePagesTest.PRODUCT_ID))).thenReturn(TestJson.as(ProductView.class, TestJson.obj("id", EnterprisePagesTest.PRODUCT_ID,
                "name", "项目贷", "bankId", "ZQRCB", "guaranteeTypes", List.of("MORTGAGE"), "maxAnnualRate", 4.5,
                "maxTermMonths", 120)));
        when(reference.listDataCategories()).thenReturn(TestJson.contractDataCategories().stream()
                .map(c -> TestJson.as(DataCategoryFields.class, c)).toList());
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldNameTheProjectOfAFinancingGapAndApplyForItThroughANeedOfTheProject() {
        registeredWithAProject();
        when(matching.myRecommendations()).thenReturn(EnterprisePagesTest.recommendations(TestJson.obj(
                "needId", PROJECT_ID, "projectId", PROJECT_ID, "products", List.of(TestJson.obj(
                        "productId", EnterprisePagesTest.PRODUCT_ID, "bankId", "ZQRCB", "name", "项目贷", "score", 80)))));
        String page = given().get("/enterprise/recommendations").then().statusCode(200)
                .body(containsString("高要金属智造产业园"))
                .body(containsString("name=\"projectId\" value=\"" + PROJECT_ID + "\""))
                .extract().asString();
        String heading = page.substring(page.indexOf("<h2 id=\"need-" + PROJECT_ID), page.indexOf("</h2>",
                page.indexOf("<h2 id=\"need-" + PROJECT_ID)));
        assertTrue(!heading.substring(heading.indexOf('>')).contains(PROJECT_ID), "no raw id in the heading: " + heading);

        String[] token = EnterprisePagesTest.csrf("/enterprise/recommendations");
        form(token).formParam("projectId", PROJECT_ID).formParam("productId", EnterprisePagesTest.PRODUCT_ID)
                .post("/enterprise/applications").then().statusCode(303)
                .header("Location", containsString("/enterprise/apply?projectId=" + PROJECT_ID));
        given().get("/enterprise/apply?projectId=" + PROJECT_ID + "&productId=" + EnterprisePagesTest.PRODUCT_ID)
                .then().statusCode(200).body(containsString("data-project-name>高要金属智造产业园"))
                .body(containsString("value=\"96\""));

        noNeeds();
        when(needs.openNeed(eq(ENTERPRISE), any())).thenReturn(TestJson.as(FinancingNeedView.class, Map.of("id", NEW_NEED_ID)));
        when(applications.submitApplication(any())).thenReturn(new ApplicationView());
        form(token).formParam("projectId", PROJECT_ID).formParam("productId", EnterprisePagesTest.PRODUCT_ID)
                .formParam("share", "anonymous").formParam("termMonths", "96").formParam("maxAnnualRate", "4.5")
                .formParam("neededBy", "2027-01-31").formParam("guaranteeTypes", "MORTGAGE")
                .post("/enterprise/applications").then().statusCode(303)
                .header("Location", containsString("/enterprise/applications?done=applied"));
        verify(needs).openNeed(ENTERPRISE, TestJson.as(FinancingNeedRequest.class, Map.of("amount", 300000000,
                "termMonths", 96, "purpose", "PROJECT", "guaranteeTypes", List.of("MORTGAGE"),
                "maxAnnualRate", new BigDecimal("4.5"), "neededBy", "2027-01-31", "projectId", PROJECT_ID)));
        verify(applications).submitApplication(TestJson.as(ApplicationRequest.class,
                Map.of("productId", EnterprisePagesTest.PRODUCT_ID, "financingNeedId", NEW_NEED_ID)));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldApplyForAProjectsGapThroughItsOpenNeedWhenItHasOne() {
        registeredWithAProject();
        when(needs.listNeeds(eq(ENTERPRISE), anyInt(), anyInt(), any())).thenReturn(EnterprisePagesTest.page(
                PageResponseFinancingNeedView.class, List.of(TestJson.obj("id", NEW_NEED_ID, "projectId", PROJECT_ID,
                        "status", "OPEN"))));
        when(applications.submitApplication(any())).thenReturn(new ApplicationView());
        String[] token = EnterprisePagesTest.csrf("/enterprise/apply?projectId=" + PROJECT_ID + "&productId="
                + EnterprisePagesTest.PRODUCT_ID);
        form(token).formParam("projectId", PROJECT_ID).formParam("productId", EnterprisePagesTest.PRODUCT_ID)
                .formParam("share", "anonymous").post("/enterprise/applications").then().statusCode(303);
        verify(needs, never()).openNeed(any(), any());
        verify(applications).submitApplication(TestJson.as(ApplicationRequest.class,
                Map.of("productId", EnterprisePagesTest.PRODUCT_ID, "financingNeedId", NEW_NEED_ID)));
    }

    // ------------------------------------------------------------------------------------------------ errors, lists

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowAnErrorNotAnEmptyListWhenTheApplicationsCannotBeRead() {
        registeredWithAProject();
        noNeeds();
        when(applications.myApplications(anyInt(), anyInt())).thenThrow(EnterprisePagesTest.status(503,
                "{\"status\":503}"));
        given().get("/enterprise").then().statusCode(503).body(containsString("服务暂时不可用"));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldReadEveryPageOfAListTheServicePages() {
        registeredWithAProject();
        List<Object> first = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            first.add(TestJson.obj("id", String.format("00000000-0000-4000-8000-%012d", i), "amount", 1000 + i,
                    "termMonths", 12, "purpose", "WORKING_CAPITAL", "status", "OPEN"));
        }
        when(needs.listNeeds(ENTERPRISE, 0, 200, null)).thenReturn(TestJson.as(PageResponseFinancingNeedView.class,
                Map.of("items", first, "total", 201)));
        when(needs.listNeeds(ENTERPRISE, 1, 200, null)).thenReturn(TestJson.as(PageResponseFinancingNeedView.class,
                Map.of("items", List.of(TestJson.obj("id", "00000000-0000-4000-8000-999999999999", "amount", 7777777,
                        "termMonths", 12, "purpose", "WORKING_CAPITAL", "status", "OPEN")), "total", 201)));
        when(applications.myApplications(anyInt(), anyInt())).thenReturn(EnterprisePagesTest.page(
                PageResponseApplicationView.class, List.of()));
        given().get("/enterprise").then().statusCode(200).body(containsString("7,777,777"));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldPageTheProjectLibraryAndNameEachProjectsEnterprise() {
        List<Object> projects = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            projects.add(TestJson.obj("id", String.format("00000000-0000-4000-8000-%012d", i),
                    "enterpriseId", ENTERPRISE_ID, "name", "项目" + i, "investmentAmount", 2000000, "financingGap", 1000000,
                    "stage", "PLANNING", "districtCode", "441203"));
        }
        when(projectLibrary.searchProjects(eq("NEV_AUTO"), isNull(), isNull(), eq(0), eq(50), isNull()))
                .thenReturn(TestJson.as(PageResponseProjectView.class, Map.of("items", projects, "total", 120)));
        when(enterprises.getEnterprise(ENTERPRISE)).thenReturn(TestJson.as(EnterpriseView.class,
                TestJson.obj("id", ENTERPRISE_ID, "name", "肇庆市鼎能汽车零部件有限公司")));
        given().get("/admin/projects?cluster=NEV_AUTO").then().statusCode(200)
                .body(containsString("肇庆市鼎能汽车零部件有限公司"))
                .body(containsString("data-total=\"120\""))
                .body(containsString("href=\"/admin/projects?cluster=NEV_AUTO&amp;page=1\""));
        verify(enterprises).getEnterprise(ENTERPRISE); // once for the page, not once per project
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldShowAnErrorNotAShorterProjectListWhenAnEnterpriseCannotBeRead() {
        when(projectLibrary.searchProjects(any(), any(), any(), anyInt(), anyInt(), any())).thenReturn(
                EnterprisePagesTest.page(PageResponseProjectView.class, List.of(TestJson.obj("id", PROJECT_ID,
                        "enterpriseId", ENTERPRISE_ID, "name", "项目", "investmentAmount", 2000000,
                        "financingGap", 1000000, "stage", "PLANNING"))));
        when(enterprises.getEnterprise(ENTERPRISE)).thenThrow(EnterprisePagesTest.status(503, "{\"status\":503}"));
        given().get("/admin/projects").then().statusCode(503);
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldPageTheLeadInboxBeyondItsFirstPage() {
        when(leads.listLeads(any(), any(), eq(1), eq(100), any())).thenReturn(TestJson.as(PageResponseLeadView.class,
                Map.of("items", List.of(TestJson.obj("id", PROJECT_ID, "amount", 555000, "status", "SUBMITTED",
                        "dueAt", "2026-12-03T08:00:00Z", "overdue", false)), "total", 201)));
        given().get("/bank?page=1").then().statusCode(200)
                .body(containsString("555,000"))
                .body(containsString("data-total=\"201\""))
                .body(containsString("href=\"/bank?page=2\""))
                .body(containsString("href=\"/bank?page=0\""));
    }

    void noNeeds() {
        when(needs.listNeeds(eq(ENTERPRISE), anyInt(), anyInt(), any())).thenReturn(EnterprisePagesTest.page(
                PageResponseFinancingNeedView.class, List.of()));
    }

    private static RequestSpecification form(String[] token) {
        return given().redirects().follow(false).cookie("csrf-token", token[0])
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token[1]);
    }
}
