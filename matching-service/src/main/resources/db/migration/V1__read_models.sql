-- matching-service read models: every row is derived from events (enterprise.events, application.events,
-- product.events, lead.events) and can be rebuilt by replaying the topics; match rows are what this service
-- published on match.events (the current top list of each open need).

create table enterprise_rm (
    id              uuid primary key,
    owner_sub       varchar(200),
    name            varchar(300),
    district_code   varchar(40),
    cluster_code    varchar(60),
    size_class      varchar(20),
    version         bigint not null default 0,
    registered_at   timestamptz not null,
    payload         text not null
);
create index enterprise_rm_owner on enterprise_rm (owner_sub);

-- financing needs and the financing gaps of major projects (kind PROJECT, id = projectId)
create table need_rm (
    id              uuid primary key,
    enterprise_id   uuid not null,
    kind            varchar(10) not null,
    amount          numeric(18, 2),
    term_months     integer,
    status          varchar(20) not null,
    opened_at       timestamptz,
    closed_at       timestamptz,
    payload         text not null
);
create index need_rm_enterprise on need_rm (enterprise_id);

create table product_rm (
    id              uuid primary key,
    bank_id         varchar(60) not null,
    name            varchar(300),
    type            varchar(40),
    status          varchar(20) not null,
    version         bigint not null default 0,
    payload         text not null
);

create table training_offer_rm (
    id              uuid primary key,
    status          varchar(20) not null,
    payload         text not null
);

create table policy_tool_rm (
    id              uuid primary key,
    kind            varchar(40) not null,
    active          boolean not null,
    payload         text not null
);

create table consent_rm (
    id              uuid primary key,
    enterprise_id   uuid not null,
    bank_id         varchar(60) not null,
    categories      varchar(200),
    granted_at      timestamptz,
    expires_at      timestamptz,
    revoked_at      timestamptz
);
create index consent_rm_enterprise on consent_rm (enterprise_id);

-- an application as the platform and the bank see it, filled by ApplicationSubmitted/Withdrawn and LeadStatusChanged
-- in whatever order they arrive
create table application_rm (
    id               uuid primary key,
    enterprise_id    uuid,
    need_id          uuid,
    product_id       uuid,
    bank_id          varchar(60),
    amount           numeric(18, 2),
    term_months      integer,
    status           varchar(20),
    submitted_at     timestamptz,
    first_action_at  timestamptz,
    accepted_at      timestamptz,
    approved_at      timestamptz,
    approved_amount  numeric(18, 2),
    approved_rate    numeric(7, 2),
    declined_at      timestamptz,
    reason_code      varchar(40),
    disbursed_at     timestamptz,
    disbursed_amount numeric(18, 2),
    withdrawn_at     timestamptz,
    due_at           timestamptz,
    overdue          boolean not null default false,
    status_at        timestamptz
);
create index application_rm_bank on application_rm (bank_id);

create table match (
    need_id          uuid not null,
    product_id       uuid not null,
    enterprise_id    uuid not null,
    bank_id          varchar(60) not null,
    rank             integer not null,
    score            numeric(6, 2) not null,
    first_matched_at timestamptz not null,
    updated_at       timestamptz not null,
    primary key (need_id, product_id)
);
create index match_product on match (product_id);
create index match_bank on match (bank_id);
