-- Gamification: one row of state per learner (counters, streak, hearts), the XP ledger, the streak calendar,
-- the gem wallet and its append-only ledger, shop purchases, daily quests and achievements.
create table gamification_learner (
    user_id          uuid        not null primary key,
    total_xp         bigint      not null default 0,
    lessons          integer     not null default 0,
    perfect_lessons  integer     not null default 0,
    goal_met_on      date,
    streak_current   integer     not null default 0,
    streak_longest   integer     not null default 0,
    streak_last_day  date,
    streak_zone      varchar(64),
    streak_day_start integer,
    freezes          integer     not null default 0,
    lost_length      integer     not null default 0,
    lost_on          date,
    hearts           integer     not null,
    hearts_since     timestamp with time zone,
    correct_run      integer     not null default 0,
    correct_run_day  date
);

-- Sessions and answers already rewarded: a republished event finds its row and changes nothing.
create table gamification_session_done (
    session_id uuid not null primary key,
    user_id    uuid not null,
    done_at    timestamp with time zone not null
);
create index gamification_session_done_user_idx on gamification_session_done (user_id);

create table gamification_answer_done (
    session_id  uuid         not null,
    exercise_id varchar(100) not null,
    user_id     uuid         not null,
    primary key (session_id, exercise_id)
);
create index gamification_answer_done_user_idx on gamification_answer_done (user_id);

create table gamification_xp (
    id         uuid        not null primary key,
    user_id    uuid        not null,
    course_id  uuid,
    session_id uuid,
    source     varchar(30) not null,
    amount     integer     not null,
    earned_at  timestamp with time zone not null,
    local_date date        not null
);
create unique index gamification_xp_session_uk on gamification_xp (session_id, source);
create index gamification_xp_user_day_idx on gamification_xp (user_id, local_date);
create index gamification_xp_user_time_idx on gamification_xp (user_id, earned_at);

create table gamification_streak_day (
    user_id uuid        not null,
    local_date date     not null,
    state   varchar(10) not null,
    primary key (user_id, local_date)
);

create table gamification_wallet (
    user_id uuid    not null primary key,
    gems    integer not null,
    constraint gamification_wallet_gems_ck check (gems >= 0)
);

create table gamification_gem_entry (
    id         uuid         not null primary key,
    user_id    uuid         not null,
    amount     integer      not null,
    reason     varchar(200) not null,
    reference  varchar(200) not null,
    created_at timestamp with time zone not null
);
create unique index gamification_gem_entry_ref_uk on gamification_gem_entry (user_id, reference);

create table gamification_purchase (
    user_id     uuid          not null,
    purchase_id varchar(100)  not null,
    item        varchar(40)   not null,
    price       integer       not null,
    result      varchar(4000),
    created_at  timestamp with time zone not null,
    primary key (user_id, purchase_id)
);

create table gamification_quest (
    user_id      uuid        not null,
    local_date   date        not null,
    code         varchar(60) not null,
    kind         varchar(30) not null,
    target       integer     not null,
    progress     integer     not null,
    gems         integer     not null,
    completed_at timestamp with time zone,
    primary key (user_id, local_date, code)
);

create table gamification_achievement (
    user_id     uuid        not null,
    kind        varchar(30) not null,
    tier        integer     not null,
    threshold   integer     not null,
    unlocked_at timestamp with time zone not null,
    primary key (user_id, kind, tier)
);
