-- The ASP.NET Core data-protection key ring every host of the cluster shares (PostgresXmlRepository): the keys that
-- encrypt the operator sign-in cookie, so a cookie one host issued is accepted by every other host behind the same
-- address. One row per XML element the key manager stores: a key ("key-<guid>") or a revocation.
-- Stored as the key manager hands them over, unencrypted: see DataProtectionHosting for why.

create table data_protection_keys (
    friendly_name text        primary key,
    xml           text        not null,
    created_at    timestamptz not null default now()
);
