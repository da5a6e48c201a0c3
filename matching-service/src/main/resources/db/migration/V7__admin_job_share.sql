-- Each replica's share of an administrator's job (README "Replicas", service/JobShares): a re-match runs on every
-- replica over its own needs, so any replica answers GET /admin/rematch/{jobId} with the shares summed.
-- A running replica reports every second (updated_at); shares older than 30 days are deleted when a job starts.
create table admin_job_share (
    job_id          text        not null,
    replica         text        not null,
    kind            text        not null,
    state           text        not null,
    partitions      integer[]   not null,
    partition_count integer     not null,
    done            bigint      not null,
    total           bigint      not null,
    started_at      timestamptz not null,
    finished_at     timestamptz,
    updated_at      timestamptz not null,
    changed_needs   bigint,
    error           text,
    primary key (job_id, replica)
);
