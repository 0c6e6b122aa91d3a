-- Generation: usage of the language model per day, task and generator (requests and tokens).
create table generation_usage (
    usage_day         date         not null,
    task              varchar(50)  not null,
    generator         varchar(200) not null,
    requests          bigint       not null default 0,
    cache_hits        bigint       not null default 0,
    failures          bigint       not null default 0,
    prompt_tokens     bigint       not null default 0,
    completion_tokens bigint       not null default 0,
    primary key (usage_day, task, generator)
);

-- Daily counters behind the quotas: subject is a learner's id or 'global'; day is the learner's own day.
create table generation_quota (
    subject varchar(36) not null,
    kind    varchar(30) not null,
    quota_day date      not null,
    used    integer     not null default 0,
    primary key (subject, kind, quota_day)
);

-- Replies that failed validation twice: recorded for operators, never stored as content.
create table generation_failure (
    id          uuid          not null primary key,
    task        varchar(50)   not null,
    template    varchar(100)  not null,
    generator   varchar(200)  not null,
    errors      varchar(4000) not null,
    reply       varchar(8000),
    failed_at   timestamp with time zone not null
);
create index generation_failure_at_idx on generation_failure (failed_at);

-- Background runs that produce suggestions; the JobRunr job only carries the run id.
create table generation_job (
    id           uuid          not null primary key,
    kind         varchar(30)   not null,
    status       varchar(20)   not null,
    request      varchar(20000) not null,
    requested_by uuid,
    requested_at timestamp with time zone not null,
    finished_at  timestamp with time zone,
    suggestions  integer       not null default 0,
    message      varchar(1000)
);
create index generation_job_at_idx on generation_job (requested_at);

-- Generated content waiting for an editor: nothing reaches a course or the dictionary unreviewed.
create table generation_suggestion (
    id          uuid           not null primary key,
    job_id      uuid,
    kind        varchar(30)    not null,
    state       varchar(20)    not null,
    course_id   uuid,
    target      varchar(200),
    content     varchar(100000) not null,
    generator   varchar(200)   not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    edited_by   uuid,
    reviewed_by uuid,
    reviewed_at timestamp with time zone,
    result      varchar(200),
    note        varchar(1000)
);
create index generation_suggestion_state_idx on generation_suggestion (state, created_at);
