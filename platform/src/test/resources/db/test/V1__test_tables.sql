create table aggregate_counter (aggregate_id varchar(100) primary key, n int not null);
create table applied_event (event_id varchar(100) primary key, aggregate_id varchar(100) not null, payload text not null);
