-- Every word and phrase a learner has met, with its FSRS state, and the log of every review of it.
create table review_item (
    user_id        uuid             not null,
    item_id        uuid             not null,
    course_id      uuid             not null,
    state          varchar(12)      not null,
    step           integer          not null,
    stability      double precision,
    difficulty     double precision,
    due            timestamp with time zone not null,
    last_review    timestamp with time zone,
    scheduled_days integer          not null,
    reps           integer          not null,
    lapses         integer          not null,
    primary key (user_id, item_id)
);
create index review_item_due_idx on review_item (user_id, due);

create table review_log (
    id          uuid         not null primary key,
    user_id     uuid         not null,
    review_id   varchar(200) not null,
    item_id     uuid         not null,
    rating      integer      not null,
    state       varchar(12)  not null,
    reviewed_at timestamp with time zone not null,
    duration_ms integer,
    source      varchar(20)  not null
);
create unique index review_log_review_uk on review_log (user_id, review_id);
create index review_log_user_idx on review_log (user_id, reviewed_at);

create table review_settings (
    user_id           uuid             not null primary key,
    desired_retention double precision not null,
    day_start_hour    integer          not null
);
