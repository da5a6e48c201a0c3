package com.finmatch.loan.service;

import com.finmatch.loan.domain.CalendarDay;
import com.finmatch.loan.domain.DayKind;
import com.finmatch.loan.domain.WorkingHoursCalendar;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.time.PlatformClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The working-hours calendar of leads' {@code dueAt}, kept as data: the table {@code calendar_day} (public holidays
 * and make-up working days) that administrators maintain through the API, seeded by the migrations with the State
 * Council schedules the project knows.
 *
 * <p>Read on every lead intake, so it is cached: one immutable {@link WorkingHoursCalendar} of the whole table (a few
 * dozen rows a year), tagged with the revision of {@code calendar_revision}. Every change bumps that revision in its
 * own transaction; every read compares it (one primary-key read) and reloads the table when it moved. So a change is
 * seen by the next intake on this replica and on every other one, with no message between them and no time window.
 *
 * <p>A {@code dueAt} that counts days of a year without any holiday in the table (no maintained schedule: every
 * Monday to Friday counts) increments the counter {@value #UNSCHEDULED} with the tag {@code year}, and logs a warning
 * once per year and calendar revision.
 */
@ApplicationScoped
public class WorkingCalendar {

    /** Micrometer counter (Prometheus: {@code finmatch_calendar_unscheduled_total}), tag {@code year}. */
    public static final String UNSCHEDULED = "finmatch.calendar.unscheduled";

    private static final Logger LOG = Logger.getLogger(WorkingCalendar.class);

    /** The calendar as of one revision, and the years already warned about under it. */
    private record Snapshot(long revision, WorkingHoursCalendar calendar, Set<Integer> warned) {
    }

    /** A day as saved, and whether the date was new to the calendar. */
    public record Saved(CalendarDay day, boolean created) {
    }

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    private volatile Snapshot snapshot = new Snapshot(-1, new WorkingHoursCalendar(Set.of(), Set.of()),
            ConcurrentHashMap.newKeySet());

    void logAtStartUp(@Observes StartupEvent start) {
        WorkingHoursCalendar calendar = QuarkusTransaction.requiringNew().call(this::current);
        int year = PlatformClock.today(clock).getYear();
        LOG.infof("working-hours calendar: %d holidays and %d make-up working days (table calendar_day)",
                calendar.holidays().size(), calendar.workdays().size());
        if (!calendar.hasHolidaysIn(year)) {
            LOG.warn(missingYear(year));
        }
    }

    /** The calendar as the table holds it now. */
    @Transactional
    public WorkingHoursCalendar current() {
        return fresh().calendar();
    }

    /**
     * The moment {@code hours} working hours after {@code submittedAt}; counts (and warns of) each year it runs
     * through that has no maintained schedule.
     */
    @Transactional
    public Instant dueAt(Instant submittedAt, int hours) {
        Snapshot s = fresh();
        Instant due = s.calendar().addWorkingHours(submittedAt, hours);
        int first = LocalDate.ofInstant(submittedAt, PlatformClock.CHINA).getYear();
        // the last year an hour was counted in: a due time at 00:00 on 1 January counted none of that day
        int last = Math.max(first, LocalDate.ofInstant(due.minusNanos(1), PlatformClock.CHINA).getYear());
        for (int year = first; year <= last; year++) {
            if (!s.calendar().hasHolidaysIn(year)) {
                meters.counter(UNSCHEDULED, "year", Integer.toString(year)).increment();
                if (s.warned().add(year)) {
                    LOG.warn(missingYear(year));
                }
            }
        }
        return due;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<CalendarDay> list(int year, PageRequest page) {
        var query = CalendarDay.<CalendarDay>find("day >= ?1 and day < ?2", Sort.by("day"),
                LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        return new PageResponse<>(query.page(page.page, page.size).list(), page.page, page.size, query.count());
    }

    /** Makes {@code day} a holiday or a make-up working day (replacing what it was); leads keep their dueAt. */
    @Transactional
    public Saved put(LocalDate day, DayKind kind, String name, String by) {
        kind.refusal(day).ifPresent(message -> {
            throw ProblemException.invalid("kind", message);
        });
        CalendarDay d = CalendarDay.findById(day);
        boolean created = d == null;
        if (created) {
            d = new CalendarDay();
            d.day = day;
        }
        d.kind = kind;
        d.name = name.trim();
        d.updatedAt = PlatformClock.now(clock);
        d.updatedBy = by;
        d.persist();
        bumpRevision();
        return new Saved(d, created);
    }

    /** Makes {@code day} an ordinary day again (Monday to Friday work, weekends do not). */
    @Transactional
    public void delete(LocalDate day) {
        if (!CalendarDay.deleteById(day)) {
            throw ProblemException.notFound("calendar day");
        }
        bumpRevision();
    }

    private void bumpRevision() {
        em.createNativeQuery("update calendar_revision set revision = revision + 1 where id = 1").executeUpdate();
    }

    /**
     * The cached snapshot if the table has not changed since, else a new one. The revision is read before the rows,
     * so a snapshot is never older than its revision (at worst newer, and then reloaded once more).
     */
    private Snapshot fresh() {
        long revision = ((Number) em.createNativeQuery("select revision from calendar_revision where id = 1")
                .getSingleResult()).longValue();
        Snapshot s = snapshot;
        if (s.revision() == revision) {
            return s;
        }
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        for (Object[] row : em.createQuery("select d.day, d.kind from CalendarDay d", Object[].class)
                .getResultList()) {
            (row[1] == DayKind.HOLIDAY ? holidays : workdays).add((LocalDate) row[0]);
        }
        s = new Snapshot(revision, new WorkingHoursCalendar(holidays, workdays), ConcurrentHashMap.newKeySet());
        snapshot = s;
        return s;
    }

    static String missingYear(int year) {
        return ("working-hours calendar has no public holiday in %d: lead due times count every Monday to Friday"
                + " of %d and no make-up working day. An administrator adds the State Council's %d schedule with"
                + " PUT /api/v1/calendar/days/{date} (or the portal's calendar page); counted in metric %s{year=%d}")
                .formatted(year, year, year, UNSCHEDULED, year);
    }
}
