-- Background jobs as people follow them, keyed by JobRunr's job id. JobRunr's own jobrunr_* tables hold the work
-- itself (and delete finished jobs after a while); these rows hold state, progress, counts and errors for the API.
create table job_run (
    id              uuid          not null primary key,
    kind            varchar(300)  not null,
    started_by      uuid,
    state           varchar(20)   not null,
    progress_done   bigint        not null default 0,
    progress_total  bigint,
    error_count     bigint        not null default 0,
    failed_attempts integer       not null default 0,
    last_failure    varchar(1000),
    created_at      timestamp with time zone not null,
    started_at      timestamp with time zone,
    finished_at     timestamp with time zone,
    updated_at      timestamp with time zone not null
);
create index job_run_state_idx on job_run (state, created_at);
create index job_run_started_by_idx on job_run (started_by, created_at);

-- Named counts a job reports (inserted, skipped, ...).
create table job_run_count (
    job_id uuid         not null references job_run (id) on delete cascade,
    name   varchar(100) not null,
    amount bigint       not null,
    primary key (job_id, name)
);

-- The first errors a job met and went on from (a bad line of an import), word for word.
create table job_run_error (
    job_id      uuid          not null references job_run (id) on delete cascade,
    seq         bigint        not null,
    occurred_at timestamp with time zone not null,
    message     varchar(1000) not null,
    primary key (job_id, seq)
);
