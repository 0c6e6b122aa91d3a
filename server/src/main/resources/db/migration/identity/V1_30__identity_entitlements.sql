-- Entitlements granted to an account (by an admin for now; by a subscription later), each until an optional
-- instant. They go with the account.
create table identity_entitlement (
    account_id  uuid         not null references identity_account (id) on delete cascade,
    entitlement varchar(60)  not null,
    granted_at  timestamp with time zone not null,
    expires_at  timestamp with time zone,
    granted_by  uuid,
    primary key (account_id, entitlement)
);
