package com.finmatch.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.finmatch.portal.client.loan.api.LeadMessageResourceApi;
import com.finmatch.portal.client.loan.model.LeadMessageRequest;
import com.finmatch.portal.client.loan.model.LeadMessageView;
import com.finmatch.portal.client.loan.model.PageResponseLeadMessageView;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

/** A lead's message thread on the bank's and the enterprise's pages, with loan-service stubbed. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class LeadMessagePagesTest {
    static final String LEAD_ID = "5d6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e7f";
    static final UUID LEAD = UUID.fromString(LEAD_ID);
    static final String BANK_PAGE = "/bank/leads/" + LEAD_ID + "/messages";
    static final String ENTERPRISE_PAGE = "/enterprise/applications/" + LEAD_ID + "/messages";

    @InjectMock
    @RestClient
    LeadMessageResourceApi messages;

    private void thread(Map<?, ?>... items) {
        when(messages.listLeadMessages(eq(LEAD), anyInt(), anyInt())).thenReturn(TestJson.as(
                PageResponseLeadMessageView.class, Map.of("items", List.of(items), "page", 0, "size", 200,
                        "total", items.length)));
    }

    private static Map<?, ?> message(String role, String name, String body, String at) {
        return TestJson.obj("id", UUID.randomUUID().toString(), "applicationId", LEAD_ID, "authorRole", role,
                "authorName", name, "body", body, "postedAt", at);
    }

    private static io.restassured.response.ValidatableResponse post(String page, String body) {
        String[] token = EnterprisePagesTest.csrf(page);
        return given().redirects().follow(false).cookie("csrf-token", token[0])
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token[1])
                .formParam("body", body).post(page).then();
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldShowTheBankTheThreadOldestFirstWithAFormToAnswer() {
        thread(message("BANK", "肇庆农商银行", "请问贵司近三年的纳税情况如何？", "2026-12-01T02:00:00Z"),
                message("ENTERPRISE", "申请企业", "每年按时足额纳税。", "2026-12-01T03:00:00Z"));
        given().get(BANK_PAGE).then().statusCode(200)
                .body(matchesPattern("(?s).*请问贵司近三年.*每年按时足额纳税.*"))
                .body(containsString("data-author-role=\"ENTERPRISE\""))
                .body(containsString("肇庆农商银行"))
                .body(containsString("action=\"" + BANK_PAGE + "\""))
                .body(containsString("href=\"/bank/leads/" + LEAD_ID + "\""));
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldShowTheThreadInEnglishWhenAsked() {
        thread(message("ENTERPRISE", "申请企业", "Tax certificates uploaded.", "2026-12-01T03:00:00Z"));
        given().queryParam("lang", "en").get(BANK_PAGE).then().statusCode(200)
                .body(containsString("Write a message")).body(containsString("Applicant"));
        thread();
        given().get(BANK_PAGE).then().statusCode(200).body(containsString("还没有留言"));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldPostTheEnterprisesMessageAndReturnToTheThread() {
        thread();
        when(messages.postLeadMessage(eq(LEAD), any())).thenReturn(TestJson.as(LeadMessageView.class,
                message("ENTERPRISE", "申请企业", "材料已上传", "2026-12-01T03:00:00Z")));
        post(ENTERPRISE_PAGE, "  材料已上传\n请查收  ").statusCode(303)
                .header("Location", containsString(ENTERPRISE_PAGE + "?done=message_posted"));
        LeadMessageRequest sent = new LeadMessageRequest();
        sent.setBody("材料已上传\n请查收");
        verify(messages).postLeadMessage(LEAD, sent);
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldRefuseAnEmptyOrTooLongMessageOnThePageKeepingTheText() {
        thread();
        post(ENTERPRISE_PAGE, "   ").statusCode(200).body(containsString("请填写留言内容"));
        String tooLong = "长".repeat(2001);
        post(ENTERPRISE_PAGE, tooLong).statusCode(200).body(containsString("留言最多 2000 字"))
                .body(containsString(tooLong));
        verify(messages, never()).postLeadMessage(any(), any());
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldExplainAServiceRefusalOnThePageNeverAsAnError500() {
        thread();
        when(messages.postLeadMessage(eq(LEAD), any()))
                .thenThrow(EnterprisePagesTest.status(409, "{\"status\":409,\"detail\":\"closed\"}"));
        post(BANK_PAGE, "还需要贷款吗？").statusCode(200).body(containsString("不能再留言"))
                .body(containsString("还需要贷款吗？"));
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldNotShowAThreadOfALeadTheServiceDoesNotShowTheCaller() {
        when(messages.listLeadMessages(eq(LEAD), anyInt(), anyInt()))
                .thenThrow(EnterprisePagesTest.status(404, "{\"status\":404,\"detail\":\"lead not found\"}"));
        given().get(BANK_PAGE).then().statusCode(404).body(not(containsString("name=\"body\"")));
    }
}
