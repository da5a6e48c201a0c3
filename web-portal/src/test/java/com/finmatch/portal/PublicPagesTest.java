package com.finmatch.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.finmatch.portal.client.loan.api.BankResourceApi;
import com.finmatch.portal.client.loan.api.ProductResourceApi;
import com.finmatch.portal.client.loan.model.PageResponseBankView;
import com.finmatch.portal.client.loan.model.PageResponseProductView;
import com.finmatch.portal.client.loan.model.ProductView;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.ws.rs.ProcessingException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The landing page and 金融超市 without login, in Chinese first and in English, and when loan-service is down. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PublicPagesTest {

    @InjectMock
    @RestClient
    ProductResourceApi catalog;

    @InjectMock
    @RestClient
    BankResourceApi banks;

    static Map<String, Object> product(String name) {
        return TestJson.obj("id", "7b1f0c7e-3c55-4a57-9e8e-0e3d6c1f4a01", "bankId", "ZQRCB", "name", name, "type", "CREDIT_LOAN",
                "minAmount", 500000, "maxAmount", 10000000, "minAnnualRate", 3.1, "maxAnnualRate", 3.85,
                "guaranteeTypes", List.of("CREDIT"), "status", "PUBLISHED",
                "rules", List.of(Map.of("field", "yearsInBusiness", "operator", "GE", "value", 2, "hard", true,
                        "message", Map.of("zh", "成立满2年", "en", "In business for at least 2 years"))));
    }

    @BeforeEach
    void catalogueWithOneProduct() {
        when(catalog.searchProducts(any(), any(), any(), any(), anyInt(), anyInt(), any(), any(), any()))
                .thenReturn(TestJson.as(PageResponseProductView.class,
                        Map.of("items", List.of(product("专精特新信用贷")), "page", 0, "size", 12, "total", 1)));
        when(banks.listBanks(anyInt(), anyInt())).thenReturn(TestJson.as(PageResponseBankView.class, Map.of("items",
                List.of(Map.of("bankId", "ZQRCB", "name", "肇庆农村商业银行", "responseHours", 48)), "total", 1)));
    }

    @Test
    void shouldShowTheLandingPageInChineseWithoutLogin() {
        given().redirects().follow(false).get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("政银企融资对接"))
                .body(containsString("专精特新信用贷"))
                .body(containsString("href=\"/login\""));
    }

    @Test
    void shouldSwitchToEnglishWithTheLangParameterAndRememberItInACookie() {
        given().get("/?lang=en").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Browse the loan marketplace"))
                .cookie("lang", "en");
        given().cookie("lang", "en").get("/products").then().statusCode(200)
                .body(containsString("Loan marketplace"))
                .body(containsString("Credit loan")).body(containsString("肇庆农村商业银行"))
                .body(not(containsString("金融超市</h1>")));
    }

    @Test
    void shouldListTheCatalogueWithFiltersWithoutLogin() {
        given().redirects().follow(false)
                .get("/products?type=CREDIT_LOAN&bankId=ZQRCB&district=441203&cluster=NEV_AUTO&amount=1000000")
                .then().statusCode(200)
                .body(containsString("金融超市"))
                .body(containsString("专精特新信用贷"))
                .body(containsString("共 1 个产品"))
                .body(containsString("<option value=\"CREDIT_LOAN\" selected>"))
                .body(containsString("<option value=\"441203\" selected>鼎湖区</option>"));
        verify(catalog).searchProducts(eq(new BigDecimal("1000000").toPlainString()), eq("ZQRCB"), eq("NEV_AUTO"),
                eq("441203"), eq(0), anyInt(), isNull(), eq("CREDIT_LOAN"), isNull());
    }

    @Test
    void shouldExplainAnAmountThatIsNotANumberAndStillList() {
        given().get("/products?amount=abc").then().statusCode(200)
                .body(containsString("请输入数字金额"))
                .body(containsString("aria-invalid=\"true\""));
        verify(catalog).searchProducts(isNull(), isNull(), isNull(), isNull(), eq(0), anyInt(), isNull(), isNull(), isNull());
    }

    @Test
    void shouldEscapeWhatTheServicesReturn() {
        when(catalog.searchProducts(any(), any(), any(), any(), anyInt(), anyInt(), any(), any(), any()))
                .thenReturn(TestJson.as(PageResponseProductView.class,
                        Map.of("items", List.of(product("<script>alert(1)</script>")), "total", 1)));
        given().get("/products").then().statusCode(200)
                .body(not(containsString("<script>alert(1)</script>")))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void shouldShowAFriendlyPageWhenLoanServiceIsDown() {
        when(catalog.searchProducts(any(), any(), any(), any(), anyInt(), anyInt(), any(), any(), any()))
                .thenThrow(new ProcessingException("Connection refused"));
        given().get("/products").then().statusCode(503)
                .contentType(containsString("text/html"))
                .body(containsString("服务暂时不可用"))
                .body(not(containsString("Exception")))
                .body(not(containsString("Connection refused")));
    }

    @Test
    void shouldKeepTheLandingPageUpWhenLoanServiceIsDown() {
        when(catalog.searchProducts(any(), any(), any(), any(), anyInt(), anyInt(), any(), any(), any()))
                .thenThrow(new ProcessingException("Connection refused"));
        given().get("/").then().statusCode(200).body(containsString("金融超市暂时无法加载"));
    }

    @Test
    void shouldShowAProductWithItsRulesExplained() {
        when(catalog.getProduct(java.util.UUID.fromString("7b1f0c7e-3c55-4a57-9e8e-0e3d6c1f4a01")))
                .thenReturn(TestJson.as(ProductView.class, product("专精特新信用贷")));
        given().get("/products/7b1f0c7e-3c55-4a57-9e8e-0e3d6c1f4a01").then().statusCode(200)
                .body(containsString("成立满2年")).body(containsString("必须满足"));
    }

    @Test
    void shouldAnswerAnUnknownProductWithAFriendlyNotFoundPage() {
        given().get("/products/not-a-uuid").then().statusCode(404).body(containsString("页面不存在"));
    }

    @Test
    void shouldSendTheBrowserToKeycloakWithPkceForTheEnterprisePages() {
        given().redirects().follow(false).get("/enterprise").then().statusCode(302)
                .header("Location", containsString("response_type=code"))
                .header("Location", containsString("client_id=finmatch-web"))
                .header("Location", containsString("code_challenge_method=S256"))
                .header("Location", containsString("code_challenge="));
    }

    @Test
    void shouldServeEchartsFromTheAppItself() {
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
    }

    @Test
    void shouldForbidFramingAndForeignScripts() {
        given().get("/").then().header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }
}
