package com.finmatch.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.finmatch.portal.client.loan.api.CalendarResourceApi;
import com.finmatch.portal.client.loan.model.CalendarDayRequest;
import com.finmatch.portal.client.loan.model.PageResponseCalendarDayView;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

/** The administrator's working-hours calendar page over loan-service's /calendar/days (stubbed). */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CalendarPagesTest {

    @InjectMock
    @RestClient
    CalendarResourceApi loans;

    private static PageResponseCalendarDayView page(Object... days) {
        return TestJson.as(PageResponseCalendarDayView.class,
                TestJson.obj("items", List.of(days), "page", 0, "size", 200, "total", days.length));
    }

    private RequestSpecification form() {
        when(loans.listCalendarDays(anyInt(), anyInt(), any())).thenReturn(page());
        String[] token = EnterprisePagesTest.csrf("/admin/calendar");
        return given().redirects().follow(false).cookie("csrf-token", token[0])
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token[1]);
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldListAYearsDaysAndWarnOfAYearWithoutSchedule() {
        when(loans.listCalendarDays(0, 200, "2026")).thenReturn(page(
                TestJson.obj("date", "2026-10-01", "kind", "HOLIDAY", "name", "国庆节", "updatedBy", "admin1"),
                TestJson.obj("date", "2026-10-10", "kind", "WORKDAY", "name", "国庆节调休上班", "updatedBy", "admin1")));
        given().get("/admin/calendar?year=2026").then().statusCode(200)
                .body(containsString("data-day=\"2026-10-01\""))
                .body(containsString("国庆节调休上班"))
                .body(containsString("调休上班日"))
                .body(containsString("action=\"/admin/calendar/2026-10-10/delete\""))
                .body(not(containsString("data-unscheduled")));

        when(loans.listCalendarDays(0, 200, "2027")).thenReturn(page());
        given().get("/admin/calendar?year=2027&lang=en").then().statusCode(200)
                .body(containsString("data-unscheduled=\"2027\""))
                .body(containsString("No schedule is maintained for 2027"));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldSaveADayThroughLoanServiceAndReturnToItsYear() {
        form().formParam("date", "2027-02-06").formParam("kind", "HOLIDAY").formParam("name", " 春节 ")
                .post("/admin/calendar").then().statusCode(303)
                .header("Location", endsWith("/admin/calendar?year=2027&done=calendar_day_saved"));
        verify(loans).putCalendarDay("2027-02-06", TestJson.as(CalendarDayRequest.class, Map.of("kind", "HOLIDAY", "name", "春节")));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldShowLoanServicesRefusalOnTheFormAndRefuseABadDateItself() {
        when(loans.putCalendarDay(eq("2027-02-03"), any())).thenThrow(EnterprisePagesTest.status(400,
                "{\"status\": 400, \"violations\": [{\"field\": \"kind\", \"message\": \"a make-up working day"
                        + " (WORKDAY) is a Saturday or Sunday\"}]}"));
        form().formParam("date", "2027-02-03").formParam("kind", "WORKDAY").formParam("name", "调休")
                .post("/admin/calendar").then().statusCode(200)
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("is a Saturday or Sunday"));

        form().formParam("date", "2027-02-30").formParam("kind", "HOLIDAY").formParam("name", "x")
                .post("/admin/calendar").then().statusCode(200)
                .body(containsString("请输入2000至2100年之间的日期"));
        verify(loans, never()).putCalendarDay(eq("2027-02-30"), any());
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldRemoveADayEvenIfItIsAlreadyGone() {
        form().post("/admin/calendar/2026-10-10/delete").then().statusCode(303)
                .header("Location", endsWith("/admin/calendar?year=2026&done=calendar_day_removed"));
        verify(loans).deleteCalendarDay("2026-10-10");

        doThrow(EnterprisePagesTest.status(404, "{\"status\": 404}")).when(loans).deleteCalendarDay("2026-10-09");
        form().post("/admin/calendar/2026-10-09/delete").then().statusCode(303);
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldKeepTheCalendarPageToAdministrators() {
        given().redirects().follow(false).get("/admin/calendar").then().statusCode(403);
    }
}
