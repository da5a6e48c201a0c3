-- enterprise-service schema: reference data, enterprises, financing needs, consents and their access log, the
-- major-project library, applications with their history, and the replica of loan-service's products.

create table district (
    code    varchar(20)  primary key,
    name_zh varchar(50)  not null,
    name_en varchar(100) not null,
    kind    varchar(10)  not null
);

create table cluster (
    code       varchar(40)  primary key,
    name_zh    varchar(100) not null,
    name_en    varchar(200) not null,
    created_at timestamptz  not null
);

create table industry (
    code          varchar(6)   primary key,
    name_zh       varchar(100) not null,
    name_en       varchar(200) not null,
    division_code varchar(6)   references industry (code)
);

create table enterprise (
    id                   uuid          primary key,
    owner_sub            varchar(255)  not null unique,
    uscc                 char(18)      not null unique,
    name                 varchar(200)  not null,
    legal_representative varchar(100)  not null,
    founded_on           date          not null,
    registered_capital   numeric(16,2) not null,
    district_code        varchar(20)   not null references district (code),
    industry_code        varchar(6)    not null,
    cluster_code         varchar(40)   references cluster (code),
    size_class           varchar(10)   not null,
    employees            integer,
    annual_revenue       numeric(16,2),
    revenue_growth       numeric(8,2),
    net_profit           numeric(16,2),
    total_assets         numeric(16,2),
    total_liabilities    numeric(16,2),
    tax_paid             numeric(16,2),
    rd_ratio             numeric(5,2),
    patents              integer,
    credit_rating        varchar(4),
    listing_intention    varchar(12)   not null,
    target_board         varchar(10),
    contact_name         varchar(100),
    contact_phone        varchar(30),
    contact_email        varchar(200),
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0
);
create index enterprise_district on enterprise (district_code);
create index enterprise_cluster on enterprise (cluster_code);
create index enterprise_size on enterprise (size_class);

create table enterprise_tag (
    enterprise_id uuid        not null references enterprise (id) on delete cascade,
    tag           varchar(30) not null,
    primary key (enterprise_id, tag)
);
create index enterprise_tag_by_tag on enterprise_tag (tag);

create table project (
    id                uuid          primary key,
    enterprise_id     uuid          not null references enterprise (id),
    name              varchar(200)  not null,
    description       varchar(2000),
    investment_amount numeric(16,2) not null,
    financing_gap     numeric(16,2) not null,
    stage             varchar(20)   not null,
    district_code     varchar(20)   not null references district (code),
    term_months       integer,
    registered_at     timestamptz   not null
);
create index project_enterprise on project (enterprise_id);

create table financing_need (
    id              uuid          primary key,
    enterprise_id   uuid          not null references enterprise (id),
    amount          numeric(14,2) not null,
    term_months     integer       not null,
    purpose         varchar(20)   not null,
    max_annual_rate numeric(5,2)  not null,
    needed_by       date          not null,
    project_id      uuid          references project (id),
    status          varchar(10)   not null,
    opened_at       timestamptz   not null,
    closed_at       timestamptz,
    version         bigint        not null default 0
);
create index financing_need_enterprise on financing_need (enterprise_id);

create table financing_need_guarantee (
    need_id        uuid        not null references financing_need (id) on delete cascade,
    guarantee_type varchar(20) not null,
    primary key (need_id, guarantee_type)
);

create table consent (
    id            uuid        primary key,
    enterprise_id uuid        not null references enterprise (id),
    bank_id       varchar(64) not null,
    expires_at    timestamptz not null,
    granted_at    timestamptz not null,
    revoked_at    timestamptz
);
create index consent_enterprise_bank on consent (enterprise_id, bank_id);

create table consent_category (
    consent_id uuid        not null references consent (id) on delete cascade,
    category   varchar(20) not null,
    primary key (consent_id, category)
);

create table access_log (
    id            uuid         primary key,
    enterprise_id uuid         not null references enterprise (id),
    bank_id       varchar(64)  not null,
    subject       varchar(255) not null,
    categories    varchar(100) not null,
    resource      varchar(200) not null,
    accessed_at   timestamptz  not null
);
create index access_log_enterprise on access_log (enterprise_id, accessed_at desc);

create table product_summary (
    product_id      uuid          primary key,
    bank_id         varchar(64)   not null,
    name            varchar(300),
    status          varchar(20)   not null,
    min_amount      numeric(16,2),
    max_amount      numeric(16,2),
    product_version bigint,
    updated_at      timestamptz   not null
);

create table application (
    id                uuid          primary key,
    enterprise_id     uuid          not null references enterprise (id),
    financing_need_id uuid          not null references financing_need (id),
    product_id        uuid          not null,
    product_name      varchar(300),
    bank_id           varchar(64)   not null,
    amount            numeric(14,2) not null,
    term_months       integer       not null,
    status            varchar(20)   not null,
    submitted_at      timestamptz   not null,
    updated_at        timestamptz   not null,
    version           bigint        not null default 0
);
create index application_enterprise on application (enterprise_id, submitted_at desc);
-- at most one active application per need and product (the 409 of POST /applications, also under races)
create unique index application_active_per_need_and_product on application (financing_need_id, product_id)
    where status in ('SUBMITTED', 'RECEIVED', 'UNDER_REVIEW', 'APPROVED');

create table application_step (
    application_id uuid          not null references application (id) on delete cascade,
    position       integer       not null,
    status         varchar(20)   not null,
    at             timestamptz   not null,
    reason_code    varchar(40),
    note           varchar(2000),
    amount         numeric(16,2),
    primary key (application_id, position)
);
