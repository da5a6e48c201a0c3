-- finmatch-platform messaging, second step (the same in every service; see docs/RELIABILITY.md).

-- Outbox rows that Kafka keeps refusing (too large, invalid or unknown topic) are parked with their error after
-- finmatch.outbox.max-attempts refusals, so that the events behind them go on.
alter table outbox_event add column attempts int not null default 0;
alter table outbox_event add column last_error text;
alter table outbox_event add column parked_at timestamptz;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;  -- pruning
create index inbox_event_processed_at on inbox_event (processed_at);                     -- pruning

-- Dead letters an administrator re-drove (the DLQ topics are append-only; this says which ones are done).
create table dead_letter_redrive (
    dlq_topic     varchar(250) not null,
    dlq_partition int not null,
    dlq_offset    bigint not null,
    event_id      varchar(100),
    redriven_at   timestamptz not null,
    redriven_by   varchar(200),
    primary key (dlq_topic, dlq_partition, dlq_offset)
);
