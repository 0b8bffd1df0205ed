-- Orleans membership (clustering) for the ADO.NET provider, invariant "Npgsql".
-- Parameters are bound by name (@Name) by the provider; result columns are read by name, so every
-- selected column is given the exact alias the provider asks for ("Version", "Address", ...).
--
-- One version row per cluster (DeploymentId = ClusterId) guards every membership change: a change
-- succeeds only when the caller still holds the version it read (optimistic concurrency on the table).

create table orleans_membership_version (
    deployment_id varchar(150) primary key,
    version       integer      not null default 0,
    updated_at    timestamptz  not null default now()
);

create table orleans_membership (
    deployment_id   varchar(150) not null,
    address         varchar(45)  not null,
    port            integer      not null,
    generation      integer      not null,
    silo_name       varchar(150) not null,
    host_name       varchar(150) not null,
    status          integer      not null,  -- Orleans SiloStatus: 3 = Active, 6 = Dead
    proxy_port      integer      not null default 0,
    suspect_times   text,                   -- "silo,time|silo,time" as formatted by the provider
    start_time      timestamptz  not null,
    i_am_alive_time timestamptz  not null,
    primary key (deployment_id, address, port, generation)
);

insert into orleansquery (querykey, querytext) values
('InsertMembershipVersionKey', $q$
with inserted as (
    insert into orleans_membership_version (deployment_id) values (@DeploymentId)
    on conflict (deployment_id) do nothing
    returning 1
)
select exists (select 1 from inserted);
$q$),

-- The version bump and the insert happen together or not at all: the bump is conditional on the
-- silo row being absent, and the insert takes its row from the bump.
('InsertMembershipKey', $q$
with bumped as (
    update orleans_membership_version v
    set version = v.version + 1, updated_at = now()
    where v.deployment_id = @DeploymentId
      and v.version = @Version
      and not exists (
          select 1 from orleans_membership m
          where m.deployment_id = @DeploymentId and m.address = @Address and m.port = @Port and m.generation = @Generation)
    returning v.deployment_id
), inserted as (
    insert into orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    select b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    from bumped b
    returning 1
)
select exists (select 1 from inserted);
$q$),

('UpdateMembershipKey', $q$
with bumped as (
    update orleans_membership_version v
    set version = v.version + 1, updated_at = now()
    where v.deployment_id = @DeploymentId
      and v.version = @Version
      and exists (
          select 1 from orleans_membership m
          where m.deployment_id = @DeploymentId and m.address = @Address and m.port = @Port and m.generation = @Generation)
    returning v.deployment_id
), updated as (
    update orleans_membership m
    set status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    from bumped b
    where m.deployment_id = b.deployment_id and m.address = @Address and m.port = @Port and m.generation = @Generation
    returning 1
)
select exists (select 1 from updated);
$q$),

-- IAmAlive is a heartbeat, deliberately outside the table version.
('UpdateIAmAlivetimeKey', $q$
update orleans_membership
set i_am_alive_time = @IAmAliveTime
where deployment_id = @DeploymentId and address = @Address and port = @Port and generation = @Generation;
$q$),

-- Both reads start from the version row so that the table version comes back even with no silo rows.
('MembershipReadRowKey', $q$
select v.version        as "Version",
       m.address        as "Address",
       m.port           as "Port",
       m.generation     as "Generation",
       m.silo_name      as "SiloName",
       m.host_name      as "HostName",
       m.status         as "Status",
       m.proxy_port     as "ProxyPort",
       m.suspect_times  as "SuspectTimes",
       m.start_time     as "StartTime",
       m.i_am_alive_time as "IAmAliveTime"
from orleans_membership_version v
left join orleans_membership m
       on m.deployment_id = v.deployment_id and m.address = @Address and m.port = @Port and m.generation = @Generation
where v.deployment_id = @DeploymentId;
$q$),

('MembershipReadAllKey', $q$
select v.version        as "Version",
       m.address        as "Address",
       m.port           as "Port",
       m.generation     as "Generation",
       m.silo_name      as "SiloName",
       m.host_name      as "HostName",
       m.status         as "Status",
       m.proxy_port     as "ProxyPort",
       m.suspect_times  as "SuspectTimes",
       m.start_time     as "StartTime",
       m.i_am_alive_time as "IAmAliveTime"
from orleans_membership_version v
left join orleans_membership m on m.deployment_id = v.deployment_id
where v.deployment_id = @DeploymentId;
$q$),

('GatewaysQueryKey', $q$
select address as "Address", proxy_port as "ProxyPort", generation as "Generation"
from orleans_membership
where deployment_id = @DeploymentId and status = @Status and proxy_port > 0;
$q$),

('DeleteMembershipTableEntriesKey', $q$
delete from orleans_membership where deployment_id = @DeploymentId;
delete from orleans_membership_version where deployment_id = @DeploymentId;
$q$),

('CleanupDefunctSiloEntriesKey', $q$
delete from orleans_membership
where deployment_id = @DeploymentId and i_am_alive_time < @IAmAliveTime and status = 6;
$q$)
on conflict (querykey) do update set querytext = excluded.querytext;
