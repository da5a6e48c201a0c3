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

import com.finmatch.portal.client.MatchingStreams;
import com.finmatch.portal.client.loan.api.BankResourceApi;
import com.finmatch.portal.client.loan.api.LeadResourceApi;
import com.finmatch.portal.client.loan.model.DecisionRequest;
import com.finmatch.portal.client.loan.model.LeadView;
import com.finmatch.portal.client.loan.model.PageResponseLeadView;
import com.finmatch.portal.client.matching.api.ScorecardResourceApi;
import com.finmatch.portal.client.matching.api.StatsResourceApi;
import com.finmatch.portal.client.matching.model.BankScorecard;
import com.finmatch.portal.client.matching.model.Series;
import com.finmatch.portal.client.matching.model.Summary;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

/** The bank's and the administrator's pages with stubbed services. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class StaffPagesTest {
    static final String LEAD_ID = "4d6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e7f";

    @InjectMock
    @RestClient
    LeadResourceApi loans;

    @InjectMock
    @RestClient
    ScorecardResourceApi scorecards;

    @InjectMock
    @RestClient
    StatsResourceApi stats;

    @InjectMock
    @RestClient
    MatchingStreams matchingText;

    @InjectMock
    @RestClient
    BankResourceApi catalog;

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldListLeadsOverdueFirstThenByDueTime() {
        when(loans.listLeads(any(), any(), anyInt(), anyInt(), any())).thenReturn(TestJson.as(PageResponseLeadView.class,
                Map.of("items", List.of(
                TestJson.obj("id", id('a'), "amount", 111000, "status", "SUBMITTED", "dueAt", "2026-12-03T08:00:00Z", "overdue", false),
                TestJson.obj("id", id('b'), "amount", 222000, "status", "APPROVED", "dueAt", "2026-11-01T08:00:00Z", "overdue", false),
                TestJson.obj("id", id('c'), "amount", 333000, "status", "RECEIVED", "dueAt", "2026-11-20T08:00:00Z", "overdue", true),
                TestJson.obj("id", id('d'), "amount", 444000, "status", "SUBMITTED", "dueAt", "2026-12-01T08:00:00Z", "overdue", false)))));
        given().get("/bank").then().statusCode(200)
                .body(matchesPattern("(?s).*333,000.*444,000.*111,000.*222,000.*"))
                .body(containsString("已超时"))
                .body(containsString("data-due=\"2026-12-01T08:00:00Z\""));
    }

    private static String id(char c) {
        return "4d6f1c4e-8a9b-4c2d-9e1f-2a3b4c5d6e7" + c;
    }

    private static LeadView lead(Object... fields) {
        return TestJson.as(LeadView.class, TestJson.obj(fields));
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldSendADeclineWithItsReasonCode() {
        when(loans.getLead(java.util.UUID.fromString(LEAD_ID))).thenReturn(lead("id", LEAD_ID, "amount", 500000, "status", "UNDER_REVIEW"));
        when(loans.decideOnLead(eq(java.util.UUID.fromString(LEAD_ID)), any())).thenReturn(lead("status", "DECLINED"));
        String[] token = EnterprisePagesTest.csrf("/bank/leads/" + LEAD_ID);
        given().redirects().follow(false).cookie("csrf-token", token[0])
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token[1])
                .formParam("action", "DECLINE").formParam("reasonCode", "INSUFFICIENT_REVENUE").formParam("amount", "")
                .post("/bank/leads/" + LEAD_ID + "/decisions").then().statusCode(303)
                .header("Location", containsString("/bank?done=decided"));
        verify(loans).decideOnLead(java.util.UUID.fromString(LEAD_ID), TestJson.as(DecisionRequest.class,
                Map.of("action", "DECLINE", "reasonCode", "INSUFFICIENT_REVENUE")));
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldAskForMoreMaterialsWithTheChosenKindsAndTheMessage() {
        when(loans.getLead(java.util.UUID.fromString(LEAD_ID))).thenReturn(lead("id", LEAD_ID, "amount", 500000, "status", "RECEIVED"));
        when(loans.decideOnLead(eq(java.util.UUID.fromString(LEAD_ID)), any())).thenReturn(lead("status", "MATERIALS_REQUESTED"));
        String page = given().get("/bank/leads/" + LEAD_ID).then().statusCode(200).extract().body().asString();
        org.hamcrest.MatcherAssert.assertThat(page, containsString("value=\"REQUEST_MATERIALS\""));
        org.hamcrest.MatcherAssert.assertThat(page, containsString("name=\"materials\" value=\"BANK_STATEMENT\"> 银行流水"));
        String[] token = EnterprisePagesTest.csrf("/bank/leads/" + LEAD_ID);
        given().redirects().follow(false).cookie("csrf-token", token[0])
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token[1])
                .formParam("action", "REQUEST_MATERIALS").formParam("materials", "BANK_STATEMENT")
                .formParam("materials", "TAX_CERTIFICATE").formParam("note", "请补充近6个月银行流水")
                .formParam("amount", "").post("/bank/leads/" + LEAD_ID + "/decisions").then().statusCode(303)
                .header("Location", containsString("/bank?done=decided"));
        verify(loans).decideOnLead(java.util.UUID.fromString(LEAD_ID), TestJson.as(DecisionRequest.class,
                Map.of("action", "REQUEST_MATERIALS", "note", "请补充近6个月银行流水",
                        "materials", List.of("BANK_STATEMENT", "TAX_CERTIFICATE"))));
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldShowALeadWaitingForMaterialsWithWhatWasAskedAndStillLetTheBankDecline() {
        when(loans.getLead(java.util.UUID.fromString(LEAD_ID))).thenReturn(lead("id", LEAD_ID, "amount", 500000,
                "status", "MATERIALS_REQUESTED", "materialsRequested", List.of("BANK_STATEMENT", "TAX_CERTIFICATE"),
                "history", List.of(TestJson.obj("status", "SUBMITTED", "at", "2026-11-20T08:00:00Z"),
                        TestJson.obj("status", "MATERIALS_REQUESTED", "at", "2026-11-21T08:00:00Z",
                                "note", "请补充近6个月银行流水"))));
        given().get("/bank/leads/" + LEAD_ID).then().statusCode(200)
                .body(containsString("status-MATERIALS_REQUESTED\">待补充材料"))
                .body(containsString("银行流水、纳税证明"))
                .body(containsString("请补充近6个月银行流水"))
                .body(containsString("/bank/leads/" + LEAD_ID + "/decisions"));
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldShowAClosedLeadWithItsReasonAndNoDecisionForm() {
        when(loans.getLead(java.util.UUID.fromString(LEAD_ID))).thenReturn(lead("id", LEAD_ID, "amount", 500000, "termMonths", 12,
                "status", "CLOSED", "dueAt", "2026-12-03T08:00:00Z", "overdue", false,
                "history", List.of(TestJson.obj("status", "SUBMITTED", "at", "2026-11-20T08:00:00Z"),
                        TestJson.obj("status", "CLOSED", "at", "2026-11-21T08:00:00Z",
                                "reasonCode", "NEED_WITHDRAWN"))));
        given().get("/bank/leads/" + LEAD_ID).then().statusCode(200)
                .body(containsString("status-CLOSED\">已关闭"))
                .body(containsString("企业已撤回融资需求"))
                .body(not(containsString("/bank/leads/" + LEAD_ID + "/decisions")));
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldExplainEachRuleInTheProductForm() {
        given().get("/bank/products/new").then().statusCode(200)
                .body(containsString("规则怎么写？"))
                .body(containsString("必须满足：不满足的企业不会被推荐"))
                .body(containsString("name=\"ruleField\""));
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldShowTheBanksOwnScorecardAsMatchingServiceComputesIt() {
        when(scorecards.myBankScorecard(any(), any())).thenReturn(TestJson.as(BankScorecard.class, TestJson.obj("bankId", "ZQRCB", "leads", 12,
                "acceptanceRate", 91.67, "approvalRate", 60.0, "medianResponseHours", 5.5, "p90ResponseHours", 20.25,
                "overdueLeads", 1, "amountApproved", 2500000, "amountDisbursed", 1000000, "firstLoanEnterprises", 3)));
        given().get("/bank/scorecard").then().statusCode(200)
                .body(containsString("data-kpi=\"leads\">12<"))
                .body(containsString("data-kpi=\"acceptanceRate\">91.67%<"))
                .body(containsString("data-kpi=\"response\">5.5 / 20.25<"))
                .body(containsString("data-kpi=\"firstLoanEnterprises\">3<"))
                .body(containsString("平台首贷户（在本平台首次获得放款）"))
                .body(containsString("工作小时"));
        verify(scorecards).myBankScorecard(null, null);
        verify(loans, never()).listLeads(any(), any(), anyInt(), anyInt(), any());
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldShowTheKpisAndOfferTheCsvExport() {
        when(stats.statsSummary(any(), any(), any(), any(), eq("district"), any())).thenReturn(TestJson.as(Summary.class, TestJson.obj(
                "groupBy", "district", "total", TestJson.obj("applications", 7, "matches", 40, "approvalRate", 50.0,
                        "reroutedNeeds", 4, "reroutedApproved", 2),
                "groups", List.of(TestJson.obj("key", "441203", "applications", 7, "matches", 40)))));
        given().get("/admin?groupBy=district&from=2026-01-01&to=not-a-date").then().statusCode(200)
                .body(containsString("data-kpi=\"applications\">7<"))
                .body(containsString("data-kpi=\"reroutedNeeds\">4 → 2<"))
                .body(containsString("被拒后转介的需求 → 转介后获批"))
                .body(containsString("鼎湖区"))
                .body(containsString("/admin/export.csv?groupBy=district&amp;from=2026-01-01"))
                .body(containsString("/webjars/echarts/5.3.1/dist/echarts.min.js"))
                .body(containsString("平台首贷户（在本平台首次获得放款）"));
        verify(stats).statsSummary(null, null, null, "2026-01-01", "district", null);

        when(matchingText.export(eq("bank"), any(), any(), any(), any(), any())).thenReturn("group,applications\r\nZQRCB,7\r\n");
        given().get("/admin/export.csv?groupBy=bank").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("attachment"))
                .body(containsString("ZQRCB,7"));
    }

    /** 13 monthly points, 2025-11 … 2026-11: applications 10 a year ago, 40 last month, 50 now; acceptance 60 → 75. */
    private static Series thirteenMonths() {
        List<Object> points = new java.util.ArrayList<>();
        for (int i = 0; i < 13; i++) {
            java.time.YearMonth m = java.time.YearMonth.of(2025, 11).plusMonths(i);
            int applications = i == 12 ? 50 : i == 11 ? 40 : 10;
            double acceptance = i == 12 ? 75.0 : 60.0;
            points.add(TestJson.obj("label", m.toString(), "start", m.atDay(1) + "T00:00:00Z",
                    "end", m.plusMonths(1).atDay(1) + "T00:00:00Z", "asOf", m.plusMonths(1).atDay(1) + "T00:00:00Z",
                    "total", TestJson.obj("applications", applications, "acceptanceRate", acceptance, "matches", 0),
                    "groups", List.of()));
        }
        return TestJson.as(Series.class, TestJson.obj("period", "MONTH", "lprOneYear", 3.0, "points", points));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldShowTheTrendWithPeriodOverPeriodAndYearOnYearChangeAndOfferTheWorkbooks() {
        when(stats.statsSummary(any(), any(), any(), any(), any(), any())).thenReturn(new Summary());
        when(stats.statsSeries(any(), any(), any(), any(), any(), any(), any())).thenReturn(thirteenMonths());
        given().get("/admin?district=441203&to=2026-11-30").then().statusCode(200)
                .body(containsString("本期 2026-11"))
                .body(containsString("上期 2026-10"))
                .body(containsString("去年同期 2025-11"))
                .body(containsString("data-change=\"25.0\">+25.0%<")) // applications 40 → 50
                .body(containsString("data-change=\"400.0\">+400.0%<")) // 10 a year ago → 50
                .body(containsString("data-change=\"15.00\">+15.00 个百分点<")) // acceptance 60 → 75
                .body(containsString("/admin/trend.json?groupBy=cluster&amp;to=2026-11-30&amp;district=441203&amp;period=MONTH"))
                .body(containsString("/admin/export.xlsx?groupBy=cluster&amp;to=2026-11-30&amp;district=441203"))
                .body(containsString("name=\"month\" value=\"2026-11\""));
        verify(stats).statsSeries(null, null, "441203", "2025-11-01", null, "MONTH", "2026-11-30");

        given().get("/admin/trend.json?period=WEEK&to=2026-11-30").then().statusCode(200)
                .body("points[12].label", org.hamcrest.Matchers.equalTo("2026-11"));
        verify(stats).statsSeries(null, null, null, "2025-11-24", null, "WEEK", "2026-11-30");

        byte[] xlsx = {0x50, 0x4b, 3, 4};
        when(matchingText.exportWorkbook(any(), any(), any(), any(), any(), any())).thenReturn(xlsx);
        given().get("/admin/export.xlsx?groupBy=bank&bankId=ZQRCB").then().statusCode(200)
                .contentType(containsString("spreadsheetml")).header("Content-Disposition", containsString("finmatch-kpis.xlsx"));
        verify(matchingText).exportWorkbook(null, null, null, null, null, "ZQRCB");
        when(matchingText.monthlyReport(any(), any(), any(), any())).thenReturn(xlsx);
        given().get("/admin/report.xlsx?month=2026-10&cluster=NEV").then().statusCode(200)
                .contentType(containsString("spreadsheetml"))
                .header("Content-Disposition", containsString("finmatch-report-2026-10.xlsx"));
        verify(matchingText).monthlyReport("2026-10", "NEV", null, null);
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldDefaultTheDashboardToClustersWithoutAGrouping() {
        when(stats.statsSummary(any(), any(), any(), any(), any(), any())).thenReturn(new Summary());
        given().get("/admin").then().statusCode(200);
        verify(stats).statsSummary(null, null, null, null, "cluster", null);
    }
}
