-- Messaging tables every finmatch service owns (shared module finmatch-events).

-- Transactional outbox: written in the business transaction, published by OutboxRelay in seq order.
create table outbox_event (
    id           uuid primary key,          -- becomes ce_id
    seq          bigserial not null unique, -- publish order; per aggregate it is commit order (see Outbox)
    topic        varchar(200) not null,
    aggregate_id varchar(200) not null,     -- record key and ce_subject
    type         varchar(200) not null,     -- ce_type, e.g. finmatch.enterprise.EnterpriseRegistered.v1
    payload      text not null,             -- JSON
    traceparent  varchar(100),              -- W3C trace context of the writing request
    created_at   timestamptz not null,      -- ce_time
    sent_at      timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- Idempotent inbox: one row per (consumer, ce_id) handled, written in the handling transaction.
create table inbox_event (
    consumer     varchar(100) not null,
    event_id     varchar(100) not null,
    event_type   varchar(200) not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
