-- list imports (issue 16 §5): an administrator's upload of the 专精特新 list or cluster membership, its row-by-row
-- report (the dry run), and when and by whom it was applied (once: applying again changes nothing)
create table list_import (
    id          uuid         primary key,
    kind        varchar(20)  not null,
    file_name   varchar(255) not null,
    status      varchar(10)  not null,
    uploaded_by varchar(200) not null,
    uploaded_at timestamptz  not null,
    applied_by  varchar(200),
    applied_at  timestamptz,
    version     bigint       not null default 0
);
create index list_import_uploaded_at on list_import (uploaded_at);

create table list_import_row (
    import_id uuid          not null references list_import (id) on delete cascade,
    row_no    int           not null,
    uscc      varchar(200)  not null,
    name      varchar(200)  not null,
    value     varchar(200),
    outcome   varchar(10)   not null,
    reason    varchar(1000),
    primary key (import_id, row_no)
);

-- a USCC on an applied list that is not registered yet: the tags and cluster the enterprise gets when it registers
create table enterprise_invitation (
    uscc          varchar(18)  primary key,
    tags          varchar(200) not null default '',
    cluster_code  varchar(40),
    import_id     uuid         not null references list_import (id),
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    claimed_at    timestamptz,
    enterprise_id uuid         references enterprise (id)
);
