-- Orleans reminders for the ADO.NET reminder table, invariant "Npgsql".
-- GrainHash is the grain's uniform hash cast to a signed int by the provider; a silo reads the reminders of
-- its ring range (BeginHash, EndHash], which wraps around when BeginHash >= EndHash (ReadRangeRows2Key).

create table orleans_reminder (
    service_id    varchar(150) not null,
    grain_id      text         not null,
    reminder_name varchar(150) not null,
    start_time    timestamptz  not null,
    period_ms     bigint       not null,
    grain_hash    integer      not null,
    version       integer      not null,
    primary key (service_id, grain_id, reminder_name)
);

create index orleans_reminder_ring on orleans_reminder (service_id, grain_hash);

insert into orleansquery (querykey, querytext) values
('ReadReminderRowsKey', $q$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period_ms as "Period", version as "Version"
from orleans_reminder
where service_id = @ServiceId and grain_id = @GrainId;
$q$),

('ReadReminderRowKey', $q$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period_ms as "Period", version as "Version"
from orleans_reminder
where service_id = @ServiceId and grain_id = @GrainId and reminder_name = @ReminderName;
$q$),

('ReadRangeRows1Key', $q$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period_ms as "Period", version as "Version"
from orleans_reminder
where service_id = @ServiceId and grain_hash > @BeginHash and grain_hash <= @EndHash;
$q$),

('ReadRangeRows2Key', $q$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period_ms as "Period", version as "Version"
from orleans_reminder
where service_id = @ServiceId and (grain_hash > @BeginHash or grain_hash <= @EndHash);
$q$),

-- Period arrives as int or bigint milliseconds depending on its size.
('UpsertReminderRowKey', $q$
insert into orleans_reminder (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
values (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
on conflict (service_id, grain_id, reminder_name) do update
set start_time = excluded.start_time, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash,
    version = orleans_reminder.version + 1
returning version as "Version";
$q$),

('DeleteReminderRowKey', $q$
with deleted as (
    delete from orleans_reminder
    where service_id = @ServiceId and grain_id = @GrainId and reminder_name = @ReminderName and version = @Version
    returning 1
)
select exists (select 1 from deleted);
$q$),

('DeleteReminderRowsKey', $q$
delete from orleans_reminder where service_id = @ServiceId;
$q$)
on conflict (querykey) do update set querytext = excluded.querytext;
