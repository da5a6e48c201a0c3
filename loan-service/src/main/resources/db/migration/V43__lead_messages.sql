-- A short message thread per lead between its bank and the enterprise that applied (issue 15 §2). Kept with the lead;
-- the author's token subject is recorded for the audit, never shown. Read oldest first.
create table lead_message (
    id          uuid primary key,
    lead_id     uuid          not null references lead (id),
    author_role varchar(20)   not null check (author_role in ('BANK', 'ENTERPRISE')),
    author_sub  varchar(255)  not null,
    author_name varchar(200)  not null,
    body        varchar(2000) not null,
    posted_at   timestamptz   not null
);

create index lead_message_by_lead on lead_message (lead_id, posted_at, id);
