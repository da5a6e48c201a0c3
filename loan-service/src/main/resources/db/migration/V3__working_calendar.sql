-- The working-hours calendar of leads' dueAt is data (issue 11 §5): China's public holidays and make-up working days
-- (调休上班), maintained by administrators through PUT/DELETE /api/v1/calendar/days/{date}. A date not listed counts
-- Monday to Friday; a year with no HOLIDAY row has no maintained schedule (dueAt counts every weekday, and
-- loan-service counts it in the metric finmatch.calendar.unscheduled).
create table calendar_day (
    day        date         primary key,
    kind       varchar(8)   not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name       varchar(100) not null,
    updated_at timestamptz  not null,
    updated_by varchar(200) not null,
    -- a make-up working day is a Saturday or a Sunday (ISO day of week 6 or 7)
    check (kind = 'HOLIDAY' or extract(isodow from day) in (6, 7))
);

-- One row: bumped in the transaction of every change, so that every replica sees that its cached calendar is stale
-- (WorkingCalendar compares it on each read; one primary-key read instead of the whole table).
create table calendar_revision (
    id       smallint primary key check (id = 1),
    revision bigint   not null
);
insert into calendar_revision (id, revision) values (1, 1);

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知, published 2025-11-04 (33 holidays, 6 make-up working days), the
-- schedule loan-service shipped as calendar/china-holidays.txt until this migration.
insert into calendar_day (day, kind, name, updated_at, updated_by)
select v.day::date, v.kind, v.name, timestamptz '2025-11-04 00:00:00+08', 'V3 migration: State Council notice 2025-11-04'
from (values
    ('2026-01-01', 'HOLIDAY', '元旦'),
    ('2026-01-02', 'HOLIDAY', '元旦'),
    ('2026-01-03', 'HOLIDAY', '元旦'),
    ('2026-01-04', 'WORKDAY', '元旦调休上班'),
    ('2026-02-14', 'WORKDAY', '春节调休上班'),
    ('2026-02-15', 'HOLIDAY', '春节'),
    ('2026-02-16', 'HOLIDAY', '春节'),
    ('2026-02-17', 'HOLIDAY', '春节'),
    ('2026-02-18', 'HOLIDAY', '春节'),
    ('2026-02-19', 'HOLIDAY', '春节'),
    ('2026-02-20', 'HOLIDAY', '春节'),
    ('2026-02-21', 'HOLIDAY', '春节'),
    ('2026-02-22', 'HOLIDAY', '春节'),
    ('2026-02-23', 'HOLIDAY', '春节'),
    ('2026-02-28', 'WORKDAY', '春节调休上班'),
    ('2026-04-04', 'HOLIDAY', '清明节'),
    ('2026-04-05', 'HOLIDAY', '清明节'),
    ('2026-04-06', 'HOLIDAY', '清明节'),
    ('2026-05-01', 'HOLIDAY', '劳动节'),
    ('2026-05-02', 'HOLIDAY', '劳动节'),
    ('2026-05-03', 'HOLIDAY', '劳动节'),
    ('2026-05-04', 'HOLIDAY', '劳动节'),
    ('2026-05-05', 'HOLIDAY', '劳动节'),
    ('2026-05-09', 'WORKDAY', '劳动节调休上班'),
    ('2026-06-19', 'HOLIDAY', '端午节'),
    ('2026-06-20', 'HOLIDAY', '端午节'),
    ('2026-06-21', 'HOLIDAY', '端午节'),
    ('2026-09-20', 'WORKDAY', '国庆节调休上班'),
    ('2026-09-25', 'HOLIDAY', '中秋节'),
    ('2026-09-26', 'HOLIDAY', '中秋节'),
    ('2026-09-27', 'HOLIDAY', '中秋节'),
    ('2026-10-01', 'HOLIDAY', '国庆节'),
    ('2026-10-02', 'HOLIDAY', '国庆节'),
    ('2026-10-03', 'HOLIDAY', '国庆节'),
    ('2026-10-04', 'HOLIDAY', '国庆节'),
    ('2026-10-05', 'HOLIDAY', '国庆节'),
    ('2026-10-06', 'HOLIDAY', '国庆节'),
    ('2026-10-07', 'HOLIDAY', '国庆节'),
    ('2026-10-10', 'WORKDAY', '国庆节调休上班')
) as v(day, kind, name);
