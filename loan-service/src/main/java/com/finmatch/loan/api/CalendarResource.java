package com.finmatch.loan.api;

import com.finmatch.loan.domain.CalendarDay;
import com.finmatch.loan.domain.DayKind;
import com.finmatch.loan.service.WorkingCalendar;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.security.Caller;
import com.finmatch.platform.time.PlatformClock;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The working-hours calendar of leads' due times: China's public holidays and make-up working days by date. Anyone
 * signed in reads it; administrators maintain it.
 */
@Path("/api/v1/calendar/days")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The holidays and make-up working days of {@code year} (default: this year in China), by date. */
    @GET
    @Authenticated
    public PageResponse<CalendarDayView> listCalendarDays(@QueryParam("year") @Size(max = 10) String year,
            @BeanParam @Valid PageRequest page) {
        PageResponse<CalendarDay> found = calendar.list(year(year), page);
        return new PageResponse<>(found.items().stream().map(CalendarDayView::of).toList(), found.page(),
                found.size(), found.total());
    }

    @PUT
    @Path("/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    @APIResponse(responseCode = "200", description = "The day was set already and is replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CalendarDayView.class)))
    @APIResponse(responseCode = "201", description = "The day was not set before",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarDayView.class)))
    public Response putCalendarDay(@PathParam("date") @Size(max = 10) String date,
            @NotNull @Valid CalendarDayRequest request) {
        WorkingCalendar.Saved saved = calendar.put(date(date), request.kind(), request.name(), caller.name());
        CalendarDayView view = CalendarDayView.of(saved.day());
        return saved.created()
                ? EntityTags.created("/api/v1/calendar/days/" + view.date(), view)
                : Response.ok(view).build();
    }

    @DELETE
    @Path("/{date}")
    @RolesAllowed(Caller.ADMIN)
    @APIResponse(responseCode = "204", description = "The day is an ordinary day again")
    public Response deleteCalendarDay(@PathParam("date") @Size(max = 10) String date) {
        calendar.delete(date(date));
        return Response.noContent().build();
    }

    private int year(String value) {
        if (value == null || value.isBlank()) {
            return PlatformClock.today(clock).getYear();
        }
        try {
            int year = Integer.parseInt(value.trim());
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("year", "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR);
    }

    private static LocalDate date(String value) {
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ProblemException.invalid("date", "must be an ISO date (yyyy-MM-dd) from " + FIRST_YEAR + " to "
                + LAST_YEAR);
    }

    public record CalendarDayView(LocalDate date, DayKind kind, @Size(max = 100) String name,
            @Schema(nullable = true) Instant updatedAt, @Schema(nullable = true) @Size(max = 255) String updatedBy) {
        static CalendarDayView of(CalendarDay d) {
            return new CalendarDayView(d.day, d.kind, d.name, d.updatedAt, d.updatedBy);
        }
    }
}
