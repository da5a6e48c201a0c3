-- Documents an enterprise uploads (issue 15 §2): the metadata in document, the bytes in document_chunk as rows of at
-- most 256 KiB (finmatch.documents.chunk-size), written and read one chunk at a time so that no file is ever whole in
-- the service's memory. A replacement writes a new content_id and deletes the old chunks in the same transaction.
create table document (
    id            uuid         primary key,
    enterprise_id uuid         not null references enterprise (id),
    kind          varchar(30)  not null,
    file_name     varchar(255) not null,
    content_type  varchar(50)  not null,
    size          bigint       not null check (size > 0),
    sha256        char(64)     not null,
    content_id    uuid         not null unique,
    chunks        integer      not null check (chunks > 0),
    uploaded_at   timestamptz  not null,
    version       bigint       not null
);
create index document_enterprise on document (enterprise_id, uploaded_at desc);

create table document_chunk (
    content_id uuid    not null,
    seq        integer not null,
    data       bytea   not null,
    primary key (content_id, seq)
);
-- PDF, JPEG and PNG are compressed already: store the chunks out of line without trying to compress them again
alter table document_chunk alter column data set storage external;
