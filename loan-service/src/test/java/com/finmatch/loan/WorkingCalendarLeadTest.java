package com.finmatch.loan;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static com.finmatch.loan.CalendarApiTest.ADMIN;
import static com.finmatch.loan.CalendarApiTest.day;
import static com.finmatch.loan.CalendarApiTest.delete;
import static com.finmatch.loan.CalendarApiTest.put;
import static com.finmatch.loan.LeadFlowTest.bankPromising;
import static com.finmatch.loan.LeadFlowTest.dueAt;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A lead's dueAt follows the calendar table as it is when the lead arrives, whichever replica changed it, and a year
 * without a maintained schedule is counted.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class WorkingCalendarLeadTest {

    @Inject
    MeterRegistry meters;

    @Inject
    EntityManager em;

    /** The counter operators alert on (Prometheus finmatch_calendar_unscheduled_total{year=...}). */
    private double unscheduled(int year) {
        Counter counter = meters.find("finmatch.calendar.unscheduled").tag("year", Integer.toString(year)).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldCountTheDaysAnAdministratorMaintainsFromTheNextLeadOn() {
        // Tue 2026-12-15 10:00 CST + 72 h: 14 h that day, 24 h Wed, 24 h Thu, the last 10 h on Fri → Fri 10:00
        String bankId = bankPromising("CAL", 72);
        Instant tuesday = Instant.parse("2026-12-15T02:00:00Z");
        UUID before = LeadFlowTest.lead(bankId, UUID.randomUUID(), tuesday);
        String bank = Tokens.bank("bank-user", bankId);
        given().auth().oauth2(bank).get("/api/v1/leads/" + before).then().body("dueAt",
                equalTo("2026-12-18T02:00:00Z"));

        put(ADMIN, "2026-12-16", day("HOLIDAY", "测试假日")).statusCode(201);
        put(ADMIN, "2026-12-19", day("WORKDAY", "测试调休上班")).statusCode(201);
        try {
            // Wed 12-16 skipped: 14 h Tue, 24 h Thu, 24 h Fri (62 h), the last 10 h on Sat 12-19 → Sat 10:00 CST
            assertEquals("2026-12-19T02:00:00Z", dueAt(bankId, tuesday));
            given().auth().oauth2(bank).get("/api/v1/leads/" + before).then().body("dueAt",
                    equalTo("2026-12-18T02:00:00Z")); // a lead keeps the due time it was given
        } finally {
            delete(ADMIN, "2026-12-16").statusCode(204);
            delete(ADMIN, "2026-12-19").statusCode(204);
        }
        assertEquals("2026-12-18T02:00:00Z", dueAt(bankId, tuesday));
    }

    @Test
    void shouldSeeAChangeAnotherReplicaCommitted() {
        // Tue 2026-12-22 10:00 CST + 24 h → Wed 12-23 10:00; the calendar is cached by now
        String bankId = bankPromising("REPL", 24);
        Instant tuesday = Instant.parse("2026-12-22T02:00:00Z");
        assertEquals("2026-12-23T02:00:00Z", dueAt(bankId, tuesday));
        // another loan-service replica makes Wed 12-23 a holiday: its row and the revision, in one transaction
        asAnotherReplica("insert into calendar_day (day, kind, name, updated_at, updated_by)"
                + " values (date '2026-12-23', 'HOLIDAY', '测试', now(), 'replica-2')");
        try {
            assertEquals("2026-12-24T02:00:00Z", dueAt(bankId, tuesday));
        } finally {
            asAnotherReplica("delete from calendar_day where day = date '2026-12-23'");
        }
        assertEquals("2026-12-23T02:00:00Z", dueAt(bankId, tuesday));
    }

    private void asAnotherReplica(String change) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery(change).executeUpdate();
            em.createNativeQuery("update calendar_revision set revision = revision + 1 where id = 1").executeUpdate();
        });
    }

    @Test
    void shouldCountAndWarnOfADueTimeInAYearWithoutAMaintainedSchedule() {
        String bankId = bankPromising("UNSCH", 24);
        double in2031 = unscheduled(2031);
        double in2026 = unscheduled(2026);
        // Mon 2031-03-03 10:00 CST + 24 h → Tue 10:00: 2031 has no schedule, so Monday to Friday count
        assertEquals("2031-03-04T02:00:00Z", dueAt(bankId, Instant.parse("2031-03-03T02:00:00Z")));
        assertEquals(in2031 + 1, unscheduled(2031));
        assertEquals("2026-12-04T02:00:00Z", dueAt(bankId, Instant.parse("2026-12-03T02:00:00Z")));
        assertEquals(in2026, unscheduled(2026), "2026 has its schedule");

        put(ADMIN, "2031-01-01", day("HOLIDAY", "元旦")).statusCode(201);
        try {
            assertEquals("2031-03-04T02:00:00Z", dueAt(bankId, Instant.parse("2031-03-03T02:00:00Z")));
            assertEquals(in2031 + 1, unscheduled(2031), "a year with a holiday in the table is maintained");
        } finally {
            delete(ADMIN, "2031-01-01").statusCode(204);
        }
    }

    @Test
    void shouldCountEveryUnscheduledYearADueTimeRunsThrough() {
        // Mon 2035-12-31 10:00 CST + 48 h: 14 h that day, 24 h on Tue 2036-01-01 (no 2036 schedule: a working day),
        // the last 10 h on Wed → Wed 2036-01-02 10:00 CST; neither year has a schedule
        String bankId = bankPromising("NEWYEAR", 48);
        double in2035 = unscheduled(2035);
        double in2036 = unscheduled(2036);
        assertEquals("2036-01-02T02:00:00Z", dueAt(bankId, Instant.parse("2035-12-31T02:00:00Z")));
        assertEquals(in2035 + 1, unscheduled(2035));
        assertEquals(in2036 + 1, unscheduled(2036));
    }
}
