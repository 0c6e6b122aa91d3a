create table identity_account (
    id                 uuid         not null primary key,
    email              varchar(320) not null,
    password_hash      varchar(255) not null,
    display_name       varchar(100) not null,
    time_zone          varchar(64)  not null,
    native_language    varchar(35),
    learning_languages varchar(400) not null,
    daily_goal         integer      not null,
    reminder_time      time,
    roles              varchar(100) not null,
    enabled            boolean      not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint       not null
);
-- E-mail addresses are stored normalized (trimmed, lower case), so this makes them unique without regard to case.
create unique index identity_account_email_uk on identity_account (email);

-- One login: every refresh token descended from one sign-in belongs to the same session.
create table identity_login_session (
    id           uuid not null primary key,
    account_id   uuid not null references identity_account (id) on delete cascade,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    user_agent   varchar(255),
    address      varchar(64)
);
create index identity_login_session_account_idx on identity_login_session (account_id);

create table identity_refresh_token (
    id         uuid        not null primary key,
    session_id uuid        not null references identity_login_session (id) on delete cascade,
    token_hash varchar(64) not null,
    issued_at  timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    rotated_at timestamp with time zone
);
create unique index identity_refresh_token_hash_uk on identity_refresh_token (token_hash);
create index identity_refresh_token_session_idx on identity_refresh_token (session_id);

create table identity_password_reset (
    id         uuid        not null primary key,
    account_id uuid        not null references identity_account (id) on delete cascade,
    token_hash varchar(64) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);
create unique index identity_password_reset_hash_uk on identity_password_reset (token_hash);
create index identity_password_reset_account_idx on identity_password_reset (account_id);

-- Failed sign-ins, for the lockout; kept in the database so that every node sees them.
create table identity_login_failure (
    id        uuid         not null primary key,
    email     varchar(320) not null,
    address   varchar(64)  not null,
    failed_at timestamp with time zone not null
);
create index identity_login_failure_email_idx on identity_login_failure (email, failed_at);
create index identity_login_failure_address_idx on identity_login_failure (address, failed_at);
