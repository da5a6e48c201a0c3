package com.finmatch.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.finmatch.portal.client.enterprise.api.ApplicationResourceApi;
import com.finmatch.portal.client.enterprise.api.EnterpriseResourceApi;
import com.finmatch.portal.client.enterprise.api.FinancingNeedResourceApi;
import com.finmatch.portal.client.enterprise.api.MaterialsResourceApi;
import com.finmatch.portal.client.enterprise.api.ReferenceResourceApi;
import com.finmatch.portal.client.enterprise.model.ApplicationRequest;
import com.finmatch.portal.client.enterprise.model.ApplicationView;
import com.finmatch.portal.client.enterprise.model.DataCategoryFields;
import com.finmatch.portal.client.enterprise.model.EnterpriseRequest;
import com.finmatch.portal.client.enterprise.model.EnterpriseView;
import com.finmatch.portal.client.enterprise.model.MaterialsChecklistView;
import com.finmatch.portal.client.enterprise.model.PageResponseApplicationView;
import com.finmatch.portal.client.enterprise.model.PageResponseFinancingNeedView;
import com.finmatch.portal.client.loan.api.BankResourceApi;
import com.finmatch.portal.client.loan.api.ProductResourceApi;
import com.finmatch.portal.client.loan.api.TrainingOfferResourceApi;
import com.finmatch.portal.client.loan.model.PageResponseBankView;
import com.finmatch.portal.client.loan.model.PageResponseProductView;
import com.finmatch.portal.client.loan.model.PageResponseTrainingOfferView;
import com.finmatch.portal.client.loan.model.ProductView;
import com.finmatch.portal.client.matching.api.RecommendationResourceApi;
import com.finmatch.portal.client.matching.model.EnterpriseRecommendations;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The enterprise's pages with stubbed services: registration, needs, recommendations, one-click apply, CSRF. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class EnterprisePagesTest {
    static final String ENTERPRISE_ID = "0d6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e7f";
    static final String NEED_ID = "1d6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e7f";
    static final String PRODUCT_ID = "2d6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e7f";

    @InjectMock
    @RestClient
    EnterpriseResourceApi enterprises;

    @InjectMock
    @RestClient
    FinancingNeedResourceApi needs;

    @InjectMock
    @RestClient
    ApplicationResourceApi applications;

    @InjectMock
    @RestClient
    ReferenceResourceApi reference;

    @InjectMock
    @RestClient
    RecommendationResourceApi matching;

    @InjectMock
    @RestClient
    TrainingOfferResourceApi offers;

    @InjectMock
    @RestClient
    BankResourceApi banks;

    @InjectMock
    @RestClient
    ProductResourceApi catalog;

    @InjectMock
    @RestClient
    MaterialsResourceApi materials;

    static ClientWebApplicationException status(int status, String problemJson) {
        return new ClientWebApplicationException(jakarta.ws.rs.core.Response.status(status)
                .type("application/problem+json").entity(problemJson).build());
    }

    void registered() {
        when(enterprises.myEnterprise()).thenReturn(TestJson.as(EnterpriseView.class, TestJson.obj("id", ENTERPRISE_ID,
                "name", "肇庆市鼎能汽车零部件有限公司", "uscc", "91441203MATQ1UKWXG", "districtCode", "441203",
                "sizeClass", "SMALL", "version", 3)));
        when(needs.listNeeds(eq(java.util.UUID.fromString(ENTERPRISE_ID)), anyInt(), anyInt(), any()))
                .thenReturn(TestJson.as(PageResponseFinancingNeedView.class, Map.of("items", List.of(TestJson.obj("id",
                        NEED_ID, "amount", 1200000, "termMonths", 24, "purpose", "WORKING_CAPITAL", "status", "OPEN")))));
    }

    /** matching-service's answer with these per-need recommendations. */
    @SafeVarargs
    static EnterpriseRecommendations recommendations(Map<String, Object>... perNeed) {
        return TestJson.as(EnterpriseRecommendations.class, Map.of("recommendations", List.of(perNeed)));
    }

    /** A service's page of these items (the whole list). */
    static <P> P page(Class<P> type, List<?> items) {
        return TestJson.as(type, Map.of("items", items, "total", items.size()));
    }

    /** GET a page with a form, and keep its CSRF cookie and token to post it like a browser. */
    static String[] csrf(String page) {
        ExtractableResponse<Response> r = given().get(page).then().statusCode(200).extract();
        Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(r.body().asString());
        if (!m.find()) {
            throw new AssertionError(page + " has no CSRF token in its form");
        }
        return new String[] {r.cookie("csrf-token"), m.group(1)};
    }

    @Test
    @TestSecurity(user = "ent31", roles = "enterprise")
    void shouldSendAnEnterpriseWithoutProfileToTheRegistrationForm() {
        when(enterprises.myEnterprise()).thenThrow(status(404, "{\"status\":404}"));
        given().redirects().follow(false).get("/enterprise").then().statusCode(303)
                .header("Location", containsString("/enterprise/profile"));
        given().get("/enterprise/profile").then().statusCode(200)
                .body(containsString("登记企业"))
                .body(containsString("校验码"))
                .body(containsString("name=\"csrf-token\""));
    }

    @Test
    @TestSecurity(user = "ent31", roles = "enterprise")
    void shouldExplainAWrongUsccCheckCharacterWithoutCallingTheService() {
        when(enterprises.myEnterprise()).thenThrow(status(404, "{\"status\":404}"));
        String[] token = csrf("/enterprise/profile");
        given().cookie("csrf-token", token[0]).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", token[1]).formParam("uscc", "91441203MATQ1UKWX0")
                .formParam("name", "测试企业")
                .post("/enterprise/profile").then().statusCode(200)
                .body(containsString("校验码不符：按前17位计算，第18位应为 G"))
                .body(containsString("value=\"测试企业\""));
        verify(enterprises, never()).registerEnterprise(any());
    }

    @Test
    @TestSecurity(user = "ent31", roles = "enterprise")
    void shouldRegisterAndShowTheServicesFieldErrorsNextToTheFields() {
        when(enterprises.myEnterprise()).thenThrow(status(404, "{\"status\":404}"));
        when(enterprises.registerEnterprise(any())).thenThrow(status(400,
                "{\"status\":400,\"violations\":[{\"field\":\"register.body.foundedOn\",\"message\":\"must not be null\"}]}"));
        String[] token = csrf("/enterprise/profile");
        given().cookie("csrf-token", token[0]).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", token[1]).formParam("uscc", "91441203MATQ1UKWXG")
                .formParam("registeredCapital", "5000000").formParam("tags", "HIGH_TECH")
                .post("/enterprise/profile").then().statusCode(200)
                .body(containsString("must not be null"))
                .body(containsString("id=\"f-foundedOn\" name=\"foundedOn\" value=\"\" type=\"date\" required aria-describedby=\"f-foundedOn-msg\" aria-invalid=\"true\""));
        ArgumentCaptor<EnterpriseRequest> sent = ArgumentCaptor.forClass(EnterpriseRequest.class);
        verify(enterprises).registerEnterprise(sent.capture());
        org.junit.jupiter.api.Assertions.assertEquals(new java.math.BigDecimal("5000000"), TestJson.json(sent.getValue()).get("registeredCapital"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("HIGH_TECH"), TestJson.json(sent.getValue()).get("tags"));
    }

    @Test
    @TestSecurity(user = "ent31", roles = "enterprise")
    void shouldRefuseAFormPostedWithoutTheCsrfToken() {
        registered();
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("amount", "1000000")
                .post("/enterprise/needs").then().statusCode(400);
        verify(needs, never()).openNeed(any(), any());
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowRecommendationsWithReasonsNearMissesAndApplyWithOneClick() {
        registered();
        when(matching.myRecommendations()).thenReturn(recommendations(TestJson.obj("needId", NEED_ID,
                "products", List.of(TestJson.obj("productId", PRODUCT_ID, "bankId", "ZQRCB", "name", "专精特新信用贷",
                        "score", 86, "estimatedRate", 3.45,
                        "reasons", List.of(Map.of("zh", "成立满2年", "en", "In business for at least 2 years")))),
                "nearMisses", List.of(TestJson.obj("productId", PRODUCT_ID,
                        "failedRules", List.of(Map.of("zh", "年营业收入不低于1亿元", "en", "Revenue at least 100m")))),
                "trainingOffers", List.of())));
        when(catalog.searchProducts(any(), any(), any(), any(), anyInt(), anyInt(), any(), any(), any())).thenReturn(TestJson.as(PageResponseProductView.class, Map.of("items", List.of())));
        when(banks.listBanks(anyInt(), anyInt())).thenReturn(TestJson.as(PageResponseBankView.class, Map.of("items", List.of(Map.of("bankId", "ZQRCB", "name", "肇庆农村商业银行")))));
        given().get("/enterprise/recommendations").then().statusCode(200)
                .body(containsString("专精特新信用贷"))
                .body(containsString("肇庆农村商业银行 (ZQRCB)"))
                .body(containsString("成立满2年"))
                .body(containsString("需要： 年营业收入不低于1亿元"))
                .body(containsString("一键申请"));

        when(applications.submitApplication(any())).thenReturn(new ApplicationView());
        stubApplyStep();
        String[] token = csrf("/enterprise/recommendations");
        // the apply button leads to the confirm step (consent or anonymous), not straight to an application
        given().redirects().follow(false).cookie("csrf-token", token[0])
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token[1])
                .formParam("needId", NEED_ID).formParam("productId", PRODUCT_ID)
                .post("/enterprise/applications").then().statusCode(303)
                .header("Location", containsString("/enterprise/apply?needId=" + NEED_ID + "&productId=" + PRODUCT_ID));
        given().get("/enterprise/apply?needId=" + NEED_ID + "&productId=" + PRODUCT_ID).then().statusCode(200)
                .body(containsString("确认申请与数据授权"));
        verify(applications, never()).submitApplication(any());
    }

    /** The apply step's services: the product, the banks and the category definition (platform's contract file). */
    void stubApplyStep() {
        when(catalog.getProduct(java.util.UUID.fromString(PRODUCT_ID))).thenReturn(TestJson.as(ProductView.class, TestJson.obj("id", PRODUCT_ID, "name", "专精特新信用贷",
                "bankId", "ZQRCB")));
        when(banks.listBanks(anyInt(), anyInt())).thenReturn(TestJson.as(PageResponseBankView.class, Map.of("items", List.of(Map.of("bankId", "ZQRCB", "name", "肇庆农村商业银行")))));
        when(reference.listDataCategories()).thenReturn(TestJson.contractDataCategories().stream()
                .map(c -> TestJson.as(DataCategoryFields.class, c)).toList());
    }

    /** Posts the confirm page's form, as the browser does after the apply step. */
    ValidatableResponse postApply(Map<String, ?> form) {
        String[] token = csrf("/enterprise/apply?needId=" + NEED_ID + "&productId=" + PRODUCT_ID);
        var request = given().redirects().follow(false).cookie("csrf-token", token[0])
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token[1])
                .formParam("needId", NEED_ID).formParam("productId", PRODUCT_ID);
        form.forEach((k, v) -> {
            if (v instanceof List<?> values) {
                values.forEach(value -> request.formParam(k, value));
            } else {
                request.formParam(k, v);
            }
        });
        return request.post("/enterprise/applications").then();
    }

    void applyStepStubbed() {
        registered();
        stubApplyStep();
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldAskForConsentOnApplyingAndPreviewExactlyWhatTheBankWillSee() {
        applyStepStubbed();
        when(enterprises.myEnterprise()).thenReturn(TestJson.as(EnterpriseView.class, TestJson.obj("id", ENTERPRISE_ID,
                "name", "肇庆市鼎能汽车零部件有限公司", "uscc", "91441203MATQ1UKWXG", "districtCode", "441203",
                "annualRevenue", 52000000, "contactPhone", "+86 758 2888888", "version", 3)));
        String page = given().get("/enterprise/apply?needId=" + NEED_ID + "&productId=" + PRODUCT_ID).then()
                .statusCode(200).extract().body().asString();
        assertThat(page, containsString("专精特新信用贷"));
        assertThat(page, containsString("肇庆农村商业银行 (ZQRCB)"));
        // PROFILE ticked by default, FINANCIALS and CONTACTS offered; 90 days
        assertThat(page, containsString("name=\"categories\" value=\"PROFILE\" checked"));
        assertThat(page, containsString("name=\"categories\" value=\"FINANCIALS\">"));
        assertThat(page, containsString("name=\"categories\" value=\"CONTACTS\">"));
        assertThat(page, containsString("value=\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(90)
                + "\""));
        // each category lists the fields the bank sees with the enterprise's current values, and nothing else
        assertThat(section(page, "PROFILE"), containsString("<dt>企业名称</dt><dd data-field=\"name\">肇庆市鼎能汽车零部件有限公司</dd>"));
        assertThat(section(page, "PROFILE"), containsString("data-field=\"uscc\">91441203MATQ1UKWXG<"));
        assertThat(section(page, "PROFILE"), not(containsString("52000000")));
        assertThat(section(page, "FINANCIALS"), containsString("<dt>上年营业收入</dt><dd data-field=\"annualRevenue\">52000000</dd>"));
        assertThat(section(page, "CONTACTS"), containsString("data-field=\"contactPhone\">+86 758 2888888<"));
        assertThat(section(page, "CONTACTS"), not(containsString("data-field=\"name\"")));
        assertThat(page, containsString("name=\"share\" value=\"anonymous\""));
        verify(applications, never()).submitApplication(any());
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowTheProductsMaterialsChecklistAgainstTheUploadedDocumentsBeforeApplying() {
        applyStepStubbed();
        when(materials.productMaterialsChecklist(java.util.UUID.fromString(ENTERPRISE_ID),
                java.util.UUID.fromString(PRODUCT_ID))).thenReturn(
                TestJson.as(MaterialsChecklistView.class, TestJson.obj("enterpriseId", ENTERPRISE_ID, "productId",
                        PRODUCT_ID, "complete", false, "items", List.of(
                                TestJson.obj("kind", "BUSINESS_LICENSE", "labelZh", "营业执照", "labelEn", "Business licence",
                                        "provided", true, "documents", 1),
                                TestJson.obj("kind", "FINANCIAL_STATEMENT", "labelZh", "近两年财务报表", "labelEn", "x",
                                        "text", "近两年财务报表（审计版）", "provided", false, "documents", 0)))));
        String page = given().get("/enterprise/apply?needId=" + NEED_ID + "&productId=" + PRODUCT_ID).then()
                .statusCode(200).extract().body().asString();
        assertThat(page, containsString("申请所需材料"));
        assertThat(page, containsString("data-material=\"BUSINESS_LICENSE\" data-provided=\"true\">营业执照: <strong>已上传"));
        assertThat(page, containsString("data-material=\"FINANCIAL_STATEMENT\" data-provided=\"false\">近两年财务报表 "
                + "<span class=\"muted\">(近两年财务报表（审计版）)</span>: <strong class=\"overdue\">未上传"));
        assertThat(page, containsString("<a href=\"/enterprise/documents\" data-documents-link>"));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowABanksMaterialsRequestAndSendTheAnswer() {
        registered();
        String id = "6d6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e7f";
        when(banks.listBanks(anyInt(), anyInt())).thenReturn(TestJson.as(PageResponseBankView.class, Map.of("items", List.of(Map.of("bankId", "ZQRCB", "name", "肇庆农村商业银行")))));
        when(applications.myApplications(anyInt(), anyInt())).thenReturn(page(PageResponseApplicationView.class, List.of(TestJson.obj("id", id,
                "productName", "专精特新信用贷", "bankId", "ZQRCB", "amount", 1200000, "status", "MATERIALS_REQUESTED",
                "materialsRequested", List.of("BANK_STATEMENT", "TAX_CERTIFICATE"),
                "history", List.of(TestJson.obj("status", "SUBMITTED", "at", "2026-11-20T08:00:00Z"),
                        TestJson.obj("status", "MATERIALS_REQUESTED", "at", "2026-11-21T08:00:00Z",
                                "note", "请补充近6个月银行流水和纳税证明"))))));
        String page = given().get("/enterprise/applications").then().statusCode(200).extract().body().asString();
        assertThat(page, containsString("data-status=\"MATERIALS_REQUESTED\""));
        assertThat(page, containsString("<li data-material=\"BANK_STATEMENT\">银行流水</li>"));
        assertThat(page, containsString("<li data-material=\"TAX_CERTIFICATE\">纳税证明</li>"));
        assertThat(page, containsString("请补充近6个月银行流水和纳税证明"));
        assertThat(page, containsString("action=\"/enterprise/applications/" + id + "/materials-submitted\""));

        when(applications.submitMaterials(java.util.UUID.fromString(id))).thenReturn(new ApplicationView());
        String[] token = csrf("/enterprise/applications");
        given().redirects().follow(false).cookie("csrf-token", token[0]).formParam("csrf-token", token[1])
                .post("/enterprise/applications/" + id + "/materials-submitted").then().statusCode(303)
                .header("Location", containsString("/enterprise/applications?done=materials_submitted"));
        verify(applications).submitMaterials(java.util.UUID.fromString(id));

        when(applications.submitMaterials(java.util.UUID.fromString(id))).thenThrow(status(409,
                "{\"status\":409,\"title\":\"Conflict\",\"detail\":\"missing since the request: [BANK_STATEMENT]\"}"));
        given().redirects().follow(false).cookie("csrf-token", token[0]).formParam("csrf-token", token[1])
                .post("/enterprise/applications/" + id + "/materials-submitted").then().statusCode(303)
                .header("Location", containsString("/enterprise/applications?failed=materials_missing"));
        given().get("/enterprise/applications?failed=materials_missing").then().statusCode(200)
                .body(containsString("请先上传银行要求的全部材料"));
    }

    /** The preview list of one category on the confirm page. */
    static String section(String page, String category) {
        int start = page.indexOf("data-category=\"" + category + "\"");
        if (start < 0) {
            throw new AssertionError("no preview of " + category);
        }
        return page.substring(start, page.indexOf("</dl>", start));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    @SuppressWarnings("unchecked")
    void shouldApplyWithTheChosenCategoriesAndExpiry() {
        applyStepStubbed();
        when(applications.submitApplication(any())).thenReturn(new ApplicationView());
        postApply(Map.of("share", "consent", "categories", List.of("PROFILE", "FINANCIALS"),
                "expiresOn", "2027-03-01")).statusCode(303)
                .header("Location", containsString("/enterprise/applications?done=applied_with_consent"));
        ArgumentCaptor<ApplicationRequest> body = ArgumentCaptor.forClass(ApplicationRequest.class);
        verify(applications).submitApplication(body.capture());
        assertThat(TestJson.json(body.getValue()), org.hamcrest.Matchers.equalTo(Map.of("financingNeedId", NEED_ID,
                "productId", PRODUCT_ID, "consent", Map.of("categories", List.of("PROFILE", "FINANCIALS"),
                        "expiresAt", "2027-03-01T00:00:00Z"))));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldApplyAnonymouslyWithoutAConsent() {
        applyStepStubbed();
        when(applications.submitApplication(any())).thenReturn(new ApplicationView());
        postApply(Map.of("share", "anonymous", "categories", List.of("PROFILE"))).statusCode(303)
                .header("Location", containsString("/enterprise/applications?done=applied"));
        ArgumentCaptor<ApplicationRequest> body = ArgumentCaptor.forClass(ApplicationRequest.class);
        verify(applications).submitApplication(body.capture());
        assertThat(TestJson.json(body.getValue()), org.hamcrest.Matchers.equalTo(Map.of("financingNeedId", NEED_ID,
                "productId", PRODUCT_ID)));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowTheNextStepsAfterADeclineWithTheSuggestedProductsLinkedToTheirApplyButtons() {
        registered();
        when(matching.myRecommendations()).thenReturn(recommendations(TestJson.obj("needId", NEED_ID,
                "products", List.of(TestJson.obj("productId", PRODUCT_ID, "bankId", "ZQRCB", "name", "专精特新信用贷",
                        "score", 86, "reasons", List.of())),
                "nearMisses", List.of(), "trainingOffers", List.of(),
                "nextSteps", TestJson.obj("applicationId", "a1", "declinedProductId", "p-declined", "bankId", "ICBC",
                        "reasonCode", "INSUFFICIENT_COLLATERAL",
                        "advice", Map.of("zh", "可选择有政府性融资担保支持的产品", "en", "Guaranteed products"),
                        "products", List.of(TestJson.obj("productId", PRODUCT_ID, "bankId", "ZQRCB",
                                "name", "专精特新信用贷", "score", 86,
                                "why", Map.of("zh", "信用贷款，无需抵押", "en", "A credit loan"))),
                        "checklist", List.of()))));
        when(catalog.searchProducts(any(), any(), any(), any(), anyInt(), anyInt(), any(), any(), any())).thenReturn(TestJson.as(PageResponseProductView.class, Map.of("items", List.of())));
        given().get("/enterprise/recommendations").then().statusCode(200)
                .body(containsString("id=\"next-steps-" + NEED_ID + "\""))
                .body(containsString("data-reason=\"INSUFFICIENT_COLLATERAL\""))
                .body(containsString("抵押担保不足"))
                .body(containsString("可选择有政府性融资担保支持的产品"))
                .body(containsString("href=\"#product-" + NEED_ID + "-" + PRODUCT_ID + "\""))
                .body(containsString("id=\"product-" + NEED_ID + "-" + PRODUCT_ID + "\""))
                .body(containsString("信用贷款，无需抵押"));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldSendAnEnterpriseDeclinedForIncompleteMaterialsToTheDeclinedProductsChecklist() {
        registered();
        when(matching.myRecommendations()).thenReturn(recommendations(TestJson.obj("needId", NEED_ID,
                "products", List.of(), "nearMisses", List.of(), "trainingOffers", List.of(),
                "nextSteps", TestJson.obj("applicationId", "a1", "declinedProductId", PRODUCT_ID, "bankId", "ICBC",
                        "reasonCode", "INCOMPLETE_MATERIALS",
                        "advice", Map.of("zh", "材料不齐全", "en", "Incomplete materials"),
                        "products", List.of(), "checklist", List.of()))));
        when(catalog.searchProducts(any(), any(), any(), any(), anyInt(), anyInt(), any(), any(), any())).thenReturn(TestJson.as(PageResponseProductView.class, Map.of("items", List.of())));
        given().get("/enterprise/recommendations").then().statusCode(200)
                .body(containsString("data-reason=\"INCOMPLETE_MATERIALS\""))
                .body(containsString("href=\"/enterprise/apply?needId=" + NEED_ID + "&amp;productId=" + PRODUCT_ID + "\""))
                .body(containsString("查看该产品所需材料（缺哪些）并重新申请"));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldMarkAnAppliedProductAndShowListingReadinessWithoutANeed() {
        registered();
        when(matching.myRecommendations()).thenReturn(TestJson.as(EnterpriseRecommendations.class, TestJson.obj("enterpriseId", "e1",
                "recommendations", List.of(TestJson.obj("needId", NEED_ID,
                        "products", List.of(TestJson.obj("productId", PRODUCT_ID, "bankId", "ZQRCB", "name", "专精特新信用贷",
                                "score", 86, "estimatedRate", 3.45, "reasons", List.of(),
                                "applied", TestJson.obj("applicationId", "a1", "status", "UNDER_REVIEW"))),
                        "nearMisses", List.of(), "trainingOffers", List.of())),
                "listingReadiness", TestJson.obj("trainingOffers", List.of(TestJson.obj("offerId", OFFER_ID,
                        "score", 100, "reasons", List.of(Map.of("zh", "有上市意向", "en", "Has a listing intention"))))))));
        when(catalog.searchProducts(any(), any(), any(), any(), anyInt(), anyInt(), any(), any(), any())).thenReturn(TestJson.as(PageResponseProductView.class, Map.of("items", List.of())));
        when(offers.listTrainingOffers(anyInt(), anyInt(), any())).thenReturn(TestJson.as(PageResponseTrainingOfferView.class, Map.of("items", List.of(TestJson.obj("id", OFFER_ID,
                "title", "科创板上市培育班", "organiser", "上海证券交易所", "startsOn", "2027-04-01")))));
        given().get("/enterprise/recommendations").then().statusCode(200)
                .body(containsString("data-status=\"UNDER_REVIEW\""))
                .body(containsString("您已申请"))
                .body(not(containsString("name=\"productId\" value=\"" + PRODUCT_ID + "\"")))
                .body(containsString("id=\"listing-readiness\""))
                .body(containsString("科创板上市培育班"))
                .body(containsString("action=\"/enterprise/training/" + OFFER_ID + "/enrol\""));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldKeepTheConfirmStepWithTheProblemWhenTheConsentIsNotAcceptable() {
        applyStepStubbed();
        postApply(Map.of("share", "consent", "expiresOn", "2027-03-01")).statusCode(200)
                .body(containsString("请至少勾选一类数据"));
        verify(applications, never()).submitApplication(any());
        when(applications.submitApplication(any())).thenThrow(status(400, "{\"status\":400,\"violations\":[{\"field\":"
                + "\"submit.body.consent.expiresAt\",\"message\":\"must be within 3 years\"}]}"));
        postApply(Map.of("share", "consent", "categories", List.of("CONTACTS"), "expiresOn", "2035-01-01"))
                .statusCode(200).body(containsString("must be within 3 years"))
                .body(containsString("value=\"2035-01-01\""))
                .body(containsString("name=\"categories\" value=\"CONTACTS\" checked"));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowTheTimelineWithTheDeclineReason() {
        registered();
        when(banks.listBanks(anyInt(), anyInt())).thenReturn(TestJson.as(PageResponseBankView.class, Map.of("items", List.of(Map.of("bankId", "ZQRCB", "name", "肇庆农村商业银行")))));
        when(applications.myApplications(anyInt(), anyInt())).thenReturn(page(PageResponseApplicationView.class, List.of(TestJson.obj("id", "3d6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e7f",
                "productName", "专精特新信用贷", "bankId", "ZQRCB", "amount", 1200000, "status", "DECLINED",
                "history", List.of(TestJson.obj("status", "SUBMITTED", "at", "2026-11-20T08:00:00Z"),
                        TestJson.obj("status", "DECLINED", "at", "2026-11-21T08:00:00Z",
                                "reasonCode", "INSUFFICIENT_REVENUE"))))));
        given().get("/enterprise/applications").then().statusCode(200)
                .body(containsString("肇庆农村商业银行"))
                .body(containsString("data-status=\"DECLINED\""))
                .body(containsString("拒绝原因: 营业收入不足"))
                .body(not(containsString("action=\"/enterprise/applications/3d6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e7f/withdraw\"")));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowAnApplicationClosedBecauseTheNeedWasMetWithItsReason() {
        registered();
        when(banks.listBanks(anyInt(), anyInt())).thenReturn(TestJson.as(PageResponseBankView.class, Map.of("items", List.of(Map.of("bankId", "ZQRCB", "name", "肇庆农村商业银行")))));
        when(applications.myApplications(anyInt(), anyInt())).thenReturn(page(PageResponseApplicationView.class, List.of(TestJson.obj("id", "5d6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e7f",
                "productName", "专精特新信用贷", "bankId", "ZQRCB", "amount", 1200000, "status", "CLOSED",
                "history", List.of(TestJson.obj("status", "SUBMITTED", "at", "2026-11-20T08:00:00Z"),
                        TestJson.obj("status", "CLOSED", "at", "2026-11-21T08:00:00Z",
                                "reasonCode", "NEED_FULFILLED"))))));
        given().get("/enterprise/applications").then().statusCode(200)
                .body(containsString("data-status=\"CLOSED\""))
                .body(containsString("已关闭"))
                .body(containsString("关闭原因: 融资需求已由其他贷款满足"))
                .body(not(containsString("拒绝原因")))
                .body(not(containsString("action=\"/enterprise/applications/5d6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e7f/withdraw\"")));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldForbidTheBankPagesToAnEnterprise() {
        given().get("/bank").then().statusCode(403).body(containsString("没有权限"));
        given().get("/admin").then().statusCode(403).body(containsString("没有权限"));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldAskToLogInAgainWhenAServiceRejectsTheToken() {
        when(enterprises.myEnterprise()).thenThrow(status(401, "{\"status\":401}"));
        given().get("/enterprise").then().statusCode(401)
                .body(containsString("登录已过期")).body(containsString("href=\"/login\""));
    }

    static final String OFFER_ID = "3d6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e7f";

    void recommendedTrainingOffer() {
        registered();
        when(matching.myRecommendations()).thenReturn(recommendations(TestJson.obj("needId", NEED_ID, "products", List.of(),
                "trainingOffers", List.of(TestJson.obj("offerId", OFFER_ID, "score", 100,
                        "reasons", List.of(Map.of("zh", "有上市意向", "en", "Has a listing intention")))))));
        when(offers.listTrainingOffers(anyInt(), anyInt(), any())).thenReturn(TestJson.as(PageResponseTrainingOfferView.class, Map.of("items", List.of(TestJson.obj("id", OFFER_ID,
                "title", "科创板上市培育班", "organiser", "上海证券交易所", "startsOn", "2027-04-01")))));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowTheUnmetEntryCriteriaWhenLoanServiceRefusesAnEnrolment() {
        recommendedTrainingOffer();
        when(offers.enrolInTrainingOffer(java.util.UUID.fromString(OFFER_ID))).thenThrow(status(422, """
                {"type": "https://finmatch.example/problems/422", "title": "Not eligible", "status": 422,
                 "detail": "your enterprise does not meet 2 entry criteria of this training offer",
                 "failedRules": [{"zh": "年营业收入不低于5000万元", "en": "Annual revenue of at least CNY 50m"},
                                 {"zh": "须为专精特新小巨人或高新技术企业", "en": "A Little Giant or High-Tech enterprise"}]}
                """));
        String[] token = csrf("/enterprise/recommendations");
        given().redirects().follow(false).cookie("csrf-token", token[0])
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token[1])
                .post("/enterprise/training/" + OFFER_ID + "/enrol").then().statusCode(422)
                .body(containsString("无法报名：贵企业尚未满足该培育活动的报名条件。"))
                .body(containsString("(科创板上市培育班)"))
                .body(containsString("<li>需要： 年营业收入不低于5000万元</li>"))
                .body(containsString("<li>需要： 须为专精特新小巨人或高新技术企业</li>"))
                .body(not(containsString("Annual revenue of at least CNY 50m")))
                .body(not(containsString("名额已满")));
        given().redirects().follow(false).cookie("lang", "en").cookie("csrf-token", token[0])
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token[1])
                .post("/enterprise/training/" + OFFER_ID + "/enrol").then().statusCode(422)
                .body(containsString("does not meet the entry criteria of this training offer"))
                .body(containsString("<li>Needed: Annual revenue of at least CNY 50m</li>"))
                .body(containsString("<li>Needed: A Little Giant or High-Tech enterprise</li>"))
                .body(not(containsString("年营业收入不低于5000万元")));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldAskToRetryInAMomentWhileTheProfileIsNotYetWithLoanService() {
        recommendedTrainingOffer();
        when(offers.enrolInTrainingOffer(java.util.UUID.fromString(OFFER_ID))).thenThrow(status(503, """
                {"status": 503, "title": "Profile not available yet", "detail": "please retry in a moment"}
                """));
        String[] token = csrf("/enterprise/recommendations");
        given().redirects().follow(false).cookie("csrf-token", token[0])
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token[1])
                .post("/enterprise/training/" + OFFER_ID + "/enrol").then().statusCode(303)
                .header("Location", containsString("/enterprise/recommendations?failed=enrol_retry"));
        given().get("/enterprise/recommendations?failed=enrol_retry").then().statusCode(200)
                .body(containsString("请稍等片刻后再报名"));
    }
}
