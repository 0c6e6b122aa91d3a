-- Weekly leagues and XP leaderboards (org.glossa.gamification.league).

-- XP ledger entries already counted for leagues and leaderboards: a replayed XpEarned counts once.
create table gamification_league_xp_seen (
    entry_id uuid not null primary key,
    user_id  uuid not null,
    seen_at  timestamp with time zone not null
);
create index gamification_league_xp_seen_user_idx on gamification_league_xp_seen (user_id);

-- Every learner with league XP: their row is locked while their XP is counted, so that one learner's concurrent
-- first XP of a week takes one seat. (Tiers are not stored here: they follow from the closed weeks, see Standings.)
create table gamification_league_member (
    user_id   uuid not null primary key,
    joined_at timestamp with time zone not null
);

-- Cohorts of up to glossa.gamification.leagues.cohort-size learners of one tier (0 = Bronze ... 9 = Diamond) in
-- one week; members counts seats, taken with a conditional update so that concurrent joins never overfill a cohort.
-- ranking is written when the week closes: the learners' ids in final order, comma-separated (a deleted learner's
-- id becomes the zero UUID, so that nobody else's rank changes).
create table gamification_league_cohort (
    id         uuid     not null primary key,
    week_start date     not null,
    tier       smallint not null,
    number     integer  not null,
    members    integer  not null,
    ranking    varchar(100000),
    constraint gamification_league_cohort_number_uk unique (week_start, tier, number)
);

-- A learner's week in a cohort: the tier they play in, XP, and the instant that score was reached (ties go to the
-- earlier).
create table gamification_league_entry (
    week_start date        not null,
    user_id    uuid        not null,
    cohort_id  uuid        not null,
    tier       smallint    not null,
    xp         integer     not null,
    reached_at timestamp with time zone not null,
    joined_at  timestamp with time zone not null,
    primary key (week_start, user_id)
);
create index gamification_league_entry_cohort_idx on gamification_league_entry (cohort_id, xp);
create index gamification_league_entry_user_idx on gamification_league_entry (user_id, week_start);

-- Closed weeks. Inserting the row claims the close: one node, once.
create table gamification_league_week (
    week_start date    not null primary key,
    closed_at  timestamp with time zone not null,
    cohorts    integer not null,
    learners   integer not null
);

-- Leaderboard scores: period is 'all' or a week's Monday (yyyy-mm-dd), scope 'global' or a course id. The
-- database is the record; Redis sorted sets, where configured, are rebuilt from it.
create table gamification_board_score (
    period  varchar(10) not null,
    scope   varchar(36) not null,
    user_id uuid        not null,
    xp      bigint      not null,
    primary key (period, scope, user_id)
);
create index gamification_board_score_rank_idx on gamification_board_score (period, scope, xp desc, user_id);
create index gamification_board_score_user_idx on gamification_board_score (user_id);

-- One row: the name of this database's boards in Redis, so that boards of another database never mix in.
create table gamification_board_namespace (
    id        integer not null primary key,
    namespace uuid    not null
);
