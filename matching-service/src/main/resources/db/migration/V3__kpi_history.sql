-- What the KPIs of a past period need and the current read models forget (issue 11 §4 and §1).

-- Matches made: one row each time a product enters a need's published top list, never updated or deleted (the
-- table match holds only the current top lists). Written by the service itself, so a replay of the topics keeps it.
-- Seeded with the current top lists, the only matches known before this table existed.
create table match_made (
    need_id          uuid not null,
    product_id       uuid not null,
    enterprise_id    uuid not null,
    bank_id          varchar(60) not null,
    made_at          timestamptz not null
);
create index match_made_pair on match_made (need_id, product_id);
insert into match_made (need_id, product_id, enterprise_id, bank_id, made_at)
    select need_id, product_id, enterprise_id, bank_id, first_matched_at from match;

-- The terms of each policy tool as they changed (PolicyToolChanged, at the event's ce_time): the terms in force at a
-- time are the last change at or before it. Derived from product.events like the read models (a replay rebuilds it).
-- Seeded with the current terms, in force "since ever" as far as this service knows (1970-01-01).
create table policy_tool_terms (
    tool_id          uuid not null,
    changed_at       timestamptz not null,
    kind             varchar(40) not null,
    active           boolean not null,
    subsidy_rate     numeric(7, 4),
    payload          text not null,
    primary key (tool_id, changed_at)
);
insert into policy_tool_terms (tool_id, changed_at, kind, active, subsidy_rate, payload)
    select id, timestamptz '1970-01-01 00:00:00+00', kind, active,
           case when payload::jsonb -> 'subsidyRate' is not null and jsonb_typeof(payload::jsonb -> 'subsidyRate') = 'number'
                then (payload::jsonb ->> 'subsidyRate')::numeric end,
           payload
    from policy_tool_rm;

-- Response time in working hours on loan-service's service-level calendar, as LeadStatusChanged carries it.
alter table application_rm add column response_working_hours numeric(9, 2);
