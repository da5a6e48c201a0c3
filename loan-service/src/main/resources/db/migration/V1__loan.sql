-- loan-service schema: banks, loan products, policy tools, IPO-training offers, leads, and a replica of the
-- enterprise profiles and consents published on enterprise.events.

create table bank (
    bank_id        varchar(40)  primary key,
    name           varchar(200) not null,
    response_hours integer      not null check (response_hours between 1 and 2000),
    created_at     timestamptz  not null
);

create table policy_tool (
    id                 uuid primary key,
    kind               varchar(30)    not null,
    name               varchar(200)   not null,
    description        varchar(2000),
    subsidy_rate       numeric(7, 4),
    coverage_share     numeric(5, 4),
    pool_size          numeric(17, 2) not null default 0,
    exposure_used      numeric(17, 2) not null default 0,
    per_enterprise_cap numeric(17, 2),
    guarantee_fee_rate numeric(7, 4),
    valid_from         date,
    valid_to           date,
    active             boolean        not null default true,
    created_at         timestamptz    not null,
    updated_at         timestamptz    not null,
    version            bigint         not null default 0
);
create index policy_tool_name on policy_tool (name);

create table loan_product (
    id                 uuid primary key,
    bank_id            varchar(40)    not null,
    name               varchar(200)   not null,
    type               varchar(30)    not null,
    description        varchar(2000),
    min_amount         numeric(17, 2) not null,
    max_amount         numeric(17, 2) not null,
    min_term_months    integer        not null,
    max_term_months    integer        not null,
    min_annual_rate    numeric(7, 4)  not null,
    max_annual_rate    numeric(7, 4)  not null,
    lpr_spread_bps     integer,
    guarantee_types    jsonb          not null,
    rules              jsonb          not null,
    policy_tool_ids    jsonb          not null,
    materials_required jsonb          not null,
    valid_from         date           not null,
    valid_to           date,
    -- catalogue filters derived from the hard districtCode / clusterCode rules (null: no such rule, admits all)
    districts_allowed  text[],
    districts_excluded text[],
    clusters_allowed   text[],
    clusters_excluded  text[],
    status             varchar(20)    not null,
    created_at         timestamptz    not null,
    updated_at         timestamptz    not null,
    published_at       timestamptz,
    version            bigint         not null default 0
);
create index loan_product_catalogue on loan_product (status, name, id);
create index loan_product_type on loan_product (status, type);
create index loan_product_bank on loan_product (bank_id, status);
create index loan_product_amount on loan_product (status, min_amount, max_amount);
create index loan_product_districts on loan_product using gin (districts_allowed);
create index loan_product_clusters on loan_product using gin (clusters_allowed);

-- every published state of a product, as it was published (the product's version history)
create table loan_product_version (
    product_id uuid        not null references loan_product (id),
    version    bigint      not null,
    snapshot   jsonb       not null,
    created_at timestamptz not null,
    primary key (product_id, version)
);

create table training_offer (
    id         uuid primary key,
    organiser  varchar(200) not null,
    title      varchar(300) not null,
    format     varchar(30)  not null,
    description varchar(2000),
    starts_on  date         not null,
    ends_on    date         not null,
    seats      integer      not null check (seats > 0),
    seats_left integer      not null check (seats_left >= 0),
    rules      jsonb        not null,
    status     varchar(20)  not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    version    bigint       not null default 0,
    check (seats_left <= seats)
);
create index training_offer_status on training_offer (status, starts_on);

create table training_enrolment (
    id             uuid primary key,
    offer_id       uuid         not null references training_offer (id),
    enterprise_sub varchar(100) not null,
    enterprise_id  uuid,
    enrolled_at    timestamptz  not null,
    unique (offer_id, enterprise_sub)
);

create table lead (
    id                uuid primary key,           -- the application's id
    enterprise_id     uuid           not null,
    financing_need_id uuid,
    product_id        uuid           not null,
    bank_id           varchar(40)    not null,
    amount            numeric(17, 2),
    term_months       integer,
    status            varchar(20)    not null,
    submitted_at      timestamptz    not null,
    due_at            timestamptz    not null,
    answered_at       timestamptz,
    overdue           boolean        not null default false,
    escalated_at      timestamptz,
    approved_amount   numeric(17, 2),
    approved_rate     numeric(7, 4),
    disbursed_amount  numeric(17, 2),
    decline_reason    varchar(40),
    history           jsonb          not null,
    updated_at        timestamptz    not null,
    version           bigint         not null default 0
);
create index lead_bank_due on lead (bank_id, due_at, id);
create index lead_due on lead (due_at, id);
create index lead_unanswered on lead (due_at) where status = 'SUBMITTED' and overdue = false;

create table enterprise_replica (
    enterprise_id uuid primary key,
    owner_sub     varchar(100),
    profile       jsonb       not null,
    version       bigint      not null,
    updated_at    timestamptz not null
);
create index enterprise_replica_owner on enterprise_replica (owner_sub);

create table consent_replica (
    consent_id    uuid primary key,
    enterprise_id uuid        not null,
    bank_id       varchar(40) not null,
    categories    text[]      not null,
    expires_at    timestamptz,
    granted_at    timestamptz,
    revoked_at    timestamptz
);
create index consent_replica_enterprise on consent_replica (enterprise_id, bank_id);
