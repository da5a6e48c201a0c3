-- banks are updated optimistically (PUT /banks/{bankId} with If-Match)
alter table bank add column version bigint not null default 0;
