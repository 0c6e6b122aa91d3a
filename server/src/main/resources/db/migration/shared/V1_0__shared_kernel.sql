-- Spring Modulith's event publication registry: events between modules survive a crash.
create table event_publication (
    id                     uuid          not null primary key,
    listener_id            varchar(512)  not null,
    event_type             varchar(512)  not null,
    serialized_event       varchar(8000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    last_resubmission_date timestamp with time zone,
    completion_attempts    integer       not null default 0,
    status                 varchar(20)
);
create index event_publication_completion_idx on event_publication (completion_date);

create table event_publication_archive (
    id                     uuid          not null primary key,
    listener_id            varchar(512)  not null,
    event_type             varchar(512)  not null,
    serialized_event       varchar(8000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    last_resubmission_date timestamp with time zone,
    completion_attempts    integer       not null default 0,
    status                 varchar(20)
);

-- The test clock's offset, shared by every node (only used where glossa.clock.adjustable=true).
create table shared_clock (
    id            integer not null primary key,
    offset_millis bigint  not null
);
insert into shared_clock (id, offset_millis) values (1, 0);
