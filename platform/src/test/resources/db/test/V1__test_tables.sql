create table aggregate_counter (aggregate_id varchar(100) primary key, n int not null);
-- no key on event_id on purpose: a duplicate that slipped through the inbox must show up as a second row
create table applied_event (seq bigserial primary key, event_id varchar(100) not null,
    aggregate_id varchar(100) not null, payload text not null);
-- the order in which TestWriter.writeEventFirst's transactions took the aggregate's row lock
create table write_order (event_id uuid primary key, aggregate_id varchar(100) not null, n int not null);
