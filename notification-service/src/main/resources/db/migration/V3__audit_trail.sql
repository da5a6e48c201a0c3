-- the audit trail (platform: com.finmatch.platform.audit.AuditTrail; the same tables in every service): who did what
-- to which object, when, from which client, with what answer. One hash chain: each entry carries the SHA-256 of its
-- canonical content and the previous entry's hash; the chain head (one row, locked by each append and moved in the
-- same transaction) serialises appends and knows the last entry, so removing entries from the end shows too.
create table audit_entry (
    seq            bigint       primary key,
    id             uuid         not null unique,
    at             timestamptz  not null,
    subject        varchar(200) not null,
    user_name      varchar(200),
    roles          varchar(200) not null,
    client_id      varchar(200),
    remote_address varchar(100),
    method         varchar(10)  not null,
    route          varchar(500) not null,
    objects        jsonb        not null,
    status         int          not null,
    prev_hash      char(64)     not null,
    hash           char(64)     not null
);
create index audit_entry_at on audit_entry (at);
create index audit_entry_subject on audit_entry (subject);

create table audit_chain_head (
    id        smallint primary key check (id = 1),
    last_seq  bigint   not null,
    last_hash char(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash) values (1, 0, repeat('0', 64));

-- append-only for the application: a change or removal fails (someone who switches the trigger off is caught by the
-- chain: GET /api/v1/audit/verify)
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end
$$;
create trigger audit_entry_append_only before update or delete or truncate on audit_entry
    for each statement execute function audit_entry_append_only();
