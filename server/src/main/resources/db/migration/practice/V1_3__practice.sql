-- Learners' enrollments, lesson sessions with their exercises and answers, and progress per skill.
create table practice_enrollment (
    user_id     uuid not null,
    course_id   uuid not null,
    enrolled_at timestamp with time zone not null,
    primary key (user_id, course_id)
);

-- exercises is the session's document: every exercise with its accepted answers (never sent to the client).
create table practice_session (
    id               uuid           not null primary key,
    user_id          uuid           not null,
    course_id        uuid           not null,
    lesson_id        uuid,
    skill_id         uuid,
    kind             varchar(20)    not null,
    seed             bigint         not null,
    status           varchar(20)    not null,
    exercises        varchar(200000) not null,
    started_at       timestamp with time zone not null,
    last_activity_at timestamp with time zone not null,
    completed_at     timestamp with time zone,
    result           varchar(2000)
);
create index practice_session_user_idx on practice_session (user_id, completed_at);

create table practice_answer (
    id          uuid          not null primary key,
    session_id  uuid          not null references practice_session (id) on delete cascade,
    user_id     uuid          not null,
    exercise_id varchar(20)   not null,
    answer_id   varchar(100)  not null,
    item_ids    varchar(1000) not null,
    verdict     varchar(10)   not null,
    reply       varchar(4000) not null,
    answered_at timestamp with time zone not null
);
create unique index practice_answer_answer_uk on practice_answer (session_id, answer_id);
create unique index practice_answer_exercise_uk on practice_answer (session_id, exercise_id);
create index practice_answer_user_idx on practice_answer (user_id, verdict, answered_at);

create table practice_lesson_done (
    user_id   uuid    not null,
    lesson_id uuid    not null,
    skill_id  uuid    not null,
    times     integer not null,
    primary key (user_id, lesson_id)
);
create index practice_lesson_done_skill_idx on practice_lesson_done (user_id, skill_id);

create table practice_item_seen (
    user_id       uuid not null,
    item_id       uuid not null,
    first_seen_at timestamp with time zone not null,
    primary key (user_id, item_id)
);
