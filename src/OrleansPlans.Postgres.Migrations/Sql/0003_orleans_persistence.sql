-- Orleans grain state for the ADO.NET storage provider, invariant "Npgsql".
--
-- The provider passes a grain's identity both as narrow hashes (GrainIdHash, GrainTypeHash: int) and as its
-- natural key (GrainIdN0, GrainIdN1: bigint, GrainIdExtensionString: the string key or key extension, or
-- null; GrainTypeString; ServiceId). Lookups go through the hashes and compare the natural key.
--
-- Optimistic concurrency: "version" is the ETag. A write names the version it read (GrainStateVersion, null
-- for "no row yet") and gets the new version back; no row back means "someone else wrote first", which the
-- provider turns into an InconsistentStateException.

create table orleans_grain_state (
    service_id         varchar(150) not null,
    grain_type_hash    integer      not null,
    grain_type         text         not null,
    grain_id_hash      integer      not null,
    grain_id_n0        bigint       not null,
    grain_id_n1        bigint       not null,
    grain_id_extension text,
    payload            bytea,                  -- null after a clear that keeps the row (and its version)
    version            integer      not null,
    modified_at        timestamptz  not null default now()
);

-- One row per grain; md5 keeps the index entries small whatever the length of type names and string keys,
-- and the "is null" column keeps a missing extension apart from an empty one.
create unique index orleans_grain_state_identity on orleans_grain_state (
    grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1,
    md5(grain_type), md5(coalesce(grain_id_extension, '')), (grain_id_extension is null));

insert into orleansquery (querykey, querytext) values
('ReadFromStorageKey', $q$
select payload as "PayloadBinary", version as "Version"
from orleans_grain_state
where grain_id_hash = @GrainIdHash and grain_type_hash = @GrainTypeHash
  and service_id = @ServiceId and grain_id_n0 = @GrainIdN0 and grain_id_n1 = @GrainIdN1
  and grain_type = @GrainTypeString and grain_id_extension is not distinct from @GrainIdExtensionString;
$q$),

-- Exactly one branch can produce a row: the update when the caller holds the current version, the insert
-- when the caller saw no row and there still is none.
('WriteToStorageKey', $q$
with updated as (
    update orleans_grain_state
    set payload = @PayloadBinary, version = version + 1, modified_at = now()
    where @GrainStateVersion is not null
      and grain_id_hash = @GrainIdHash and grain_type_hash = @GrainTypeHash
      and service_id = @ServiceId and grain_id_n0 = @GrainIdN0 and grain_id_n1 = @GrainIdN1
      and grain_type = @GrainTypeString and grain_id_extension is not distinct from @GrainIdExtensionString
      and version = @GrainStateVersion
    returning version
), inserted as (
    insert into orleans_grain_state
        (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
    select @ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
    where @GrainStateVersion is null
    on conflict do nothing
    returning version
)
select version as "NewGrainStateVersion" from updated
union all
select version from inserted;
$q$),

('ClearStorageKey', $q$
update orleans_grain_state
set payload = null, version = version + 1, modified_at = now()
where grain_id_hash = @GrainIdHash and grain_type_hash = @GrainTypeHash
  and service_id = @ServiceId and grain_id_n0 = @GrainIdN0 and grain_id_n1 = @GrainIdN1
  and grain_type = @GrainTypeString and grain_id_extension is not distinct from @GrainIdExtensionString
  and version = @GrainStateVersion
returning version as "NewGrainStateVersion";
$q$),

-- Used when DeleteStateOnClear is set; the provider expects the deleted version + 1 back.
('DeleteStorageKey', $q$
delete from orleans_grain_state
where grain_id_hash = @GrainIdHash and grain_type_hash = @GrainTypeHash
  and service_id = @ServiceId and grain_id_n0 = @GrainIdN0 and grain_id_n1 = @GrainIdN1
  and grain_type = @GrainTypeString and grain_id_extension is not distinct from @GrainIdExtensionString
  and version = @GrainStateVersion
returning version + 1 as "NewGrainStateVersion";
$q$)
on conflict (querykey) do update set querytext = excluded.querytext;
