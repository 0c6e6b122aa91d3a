-- Per-learner FSRS parameters: every set ever adopted is kept; the newest is in use.
create table review_parameters (
    id         uuid          not null primary key,
    user_id    uuid          not null,
    parameters varchar(1000) not null,
    log_loss   double precision,
    created_at timestamp with time zone not null
);
create index review_parameters_user_idx on review_parameters (user_id, created_at);

-- Optimization runs, as the learner can follow them; the job itself only carries the run id.
create table review_optimization (
    id              uuid         not null primary key,
    user_id         uuid         not null,
    status          varchar(20)  not null,
    requested_at    timestamp with time zone not null,
    finished_at     timestamp with time zone,
    reviews         integer,
    log_loss_before double precision,
    log_loss_after  double precision,
    adopted         boolean,
    message         varchar(500)
);
create index review_optimization_user_idx on review_optimization (user_id, requested_at);
