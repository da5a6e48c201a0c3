-- notification-service's own tables (V1..V19 are this service's; V20+ are reserved for bank webhooks).

-- What enterprise.events told us of each enterprise: whose it is (audience user:<ownerSub>) and its name.
create table enterprise_owner (
    enterprise_id uuid         primary key,
    owner_sub     varchar(200) not null,
    name          varchar(300) not null
);

-- One notification for one audience: user:<sub>, bank:<bankId> or role:admin. The unique key makes every event
-- tell each audience each kind of thing once (a redelivered or re-driven event inserts nothing); source_event_id is
-- the event's ce_id, or for "once per object" kinds the object's id (the overdue escalation: the application id; the
-- consent reminder: the consent id).
create table notification (
    id              uuid         primary key,
    source_event_id varchar(100) not null,
    audience        varchar(250) not null,
    kind            varchar(40)  not null,
    title           varchar(500) not null,
    body            text         not null,
    link            varchar(500),
    created_at      timestamptz  not null,
    constraint notification_once unique (source_event_id, audience, kind)
);
create index notification_audience_created on notification (audience, created_at desc, id);

-- Read state is per user: a bank's notification read by one officer stays unread for the others.
create table notification_read (
    notification_id uuid         not null references notification (id) on delete cascade,
    user_sub        varchar(200) not null,
    read_at         timestamptz  not null,
    primary key (user_sub, notification_id)
);

-- A user's choices per kind and channel; a kind and channel without a row has its default (NotificationKind).
create table notification_preference (
    user_sub varchar(200) not null,
    kind     varchar(40)  not null,
    channel  varchar(20)  not null,
    enabled  boolean      not null,
    primary key (user_sub, kind, channel)
);

-- What the service knows of a user: the e-mail address they chose (preferences), the one their token carried when
-- they last called the service, and the bank they act for (a bank audience's mail goes to its officers).
create table user_contact (
    user_sub        varchar(200) primary key,
    preferred_email varchar(254),
    token_email     varchar(254),
    bank_id         varchar(64),
    updated_at      timestamptz  not null
);
create index user_contact_bank on user_contact (bank_id) where bank_id is not null;

-- Consents granted (enterprise.events), for the reminder before they expire.
create table consent_expiry (
    consent_id    uuid        primary key,
    enterprise_id uuid        not null,
    bank_id       varchar(64) not null,
    expires_at    timestamptz not null,
    revoked       boolean     not null default false,
    reminded      boolean     not null default false
);
create index consent_expiry_due on consent_expiry (expires_at) where not revoked and not reminded;
