create table enterprise (
    id            uuid primary key,
    owner_sub     varchar(100) not null unique,
    uscc          char(18)     not null unique,
    name          varchar(200) not null,
    district_code varchar(20)  not null,
    cluster_code  varchar(40),
    created_at    timestamptz  not null,
    version       bigint       not null default 0
);
