package com.finmatch.portal.admin;

import com.finmatch.portal.client.ClientJson;
import com.finmatch.portal.client.loan.api.CalendarResourceApi;
import com.finmatch.portal.client.loan.model.CalendarDayRequest;
import com.finmatch.portal.client.loan.model.CalendarDayView;
import com.finmatch.portal.client.loan.model.DayKind;
import com.finmatch.portal.client.Problem;
import com.finmatch.portal.web.Forms;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The administrator's working-hours calendar (loan-service {@code /calendar/days}): a year's public holidays and
 * make-up working days, one added or replaced by date, one removed. Leads keep the due time they were given.
 */
@Path("/admin/calendar")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class CalendarPages {

    static final List<String> KINDS = java.util.Arrays.stream(DayKind.values()).map(DayKind::toString).toList();
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    @Inject
    @RestClient
    CalendarResourceApi calendarDays;

    @Inject
    @Location("admin/calendar.html")
    Template calendar;

    @GET
    public TemplateInstance show(@QueryParam("year") String year, @QueryParam("done") String done) {
        return page(year(year), Map.of(), Map.of(), done);
    }

    @POST
    public Object save(@RestForm String date, @RestForm String kind, @RestForm String name) {
        Map<String, Object> form = new LinkedHashMap<>();
        Forms.put(form, "date", Forms.text(date));
        Forms.put(form, "kind", Forms.text(kind));
        Forms.put(form, "name", Forms.text(name));
        LocalDate day = date(date);
        if (day == null) {
            return page(year(null), form, Map.of("date", "calendar_date_invalid"), null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "kind", form.get("kind"));
        Forms.put(body, "name", form.get("name"));
        try {
            calendarDays.putCalendarDay(day.toString(), ClientJson.request(body, CalendarDayRequest.class));
            return done(day.getYear(), "calendar_day_saved");
        } catch (WebApplicationException e) {
            Problem p = Problem.of(e);
            if (!p.invalid()) {
                throw e;
            }
            return page(day.getYear(), form, p.fieldErrors(), null);
        }
    }

    @POST
    @Path("{date}/delete")
    public Response remove(@PathParam("date") String date) {
        LocalDate day = date(date);
        if (day == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        try {
            calendarDays.deleteCalendarDay(day.toString());
        } catch (WebApplicationException e) {
            if (e.getResponse() == null || e.getResponse().getStatus() != 404) {
                throw e;
            }
            // already removed (another administrator, or a second click): the calendar is as wanted
        }
        return done(day.getYear(), "calendar_day_removed");
    }

    private TemplateInstance page(int year, Map<String, ?> form, Map<String, String> errors, String done) {
        List<CalendarDayView> days = calendarDays.listCalendarDays(0, 200, Integer.toString(year)).getItems();
        boolean scheduled = days.stream().anyMatch(d -> d.getKind() == DayKind.HOLIDAY);
        return calendar.data("year", year).data("yearText", Integer.toString(year)).data("days", days).data("scheduled", scheduled).data("kinds", KINDS)
                .data("v", form).data("errors", errors).data("done", done);
    }

    private static Response done(int year, String what) {
        return Response.seeOther(URI.create("/admin/calendar?year=" + year + "&done=" + what)).build();
    }

    /** The year asked for, else this year in China (UTC+8, the platform's calendar). */
    static int year(String value) {
        String text = Forms.text(value);
        if (text != null && text.matches("\\d{4}")) {
            int year = Integer.parseInt(text);
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return year;
            }
        }
        return Year.now(ZoneOffset.ofHours(8)).getValue();
    }

    private static LocalDate date(String value) {
        String text = Forms.text(value);
        if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR ? day : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
