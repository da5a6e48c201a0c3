-- The catalogue's revision (loan-service/README.md, "Catalogue caching"): every statement that inserts, updates or
-- deletes loan products bumps it in the same transaction, so it moves exactly when such a change commits. Each
-- replica reads it per catalogue request (a primary-key read) and answers from its page cache only while it has not
-- moved: a change is visible on every replica from its commit on, as without the cache.
create table catalogue_revision (
    id       smallint primary key check (id = 1),
    revision bigint   not null
);
insert into catalogue_revision (id, revision) values (1, 1);

create function bump_catalogue_revision() returns trigger language plpgsql as $$
begin
    update catalogue_revision set revision = revision + 1 where id = 1;
    return null;
end;
$$;

create trigger loan_product_catalogue_revision
    after insert or update or delete or truncate on loan_product
    for each statement execute function bump_catalogue_revision();
