-- The contract's section-3 tables (a replica of the compacted output topics) and the sink's offsets.
-- __schema__ is replaced by the validated, quoted schema name before the script runs.
create schema if not exists __schema__;

create table __schema__.plan_usage_hourly (
    plan_id    text        not null,
    hour_start timestamptz not null,
    seconds    bigint      not null,
    events     bigint      not null,
    primary key (plan_id, hour_start)
);

create table __schema__.plan_usage_daily (
    plan_id      text   not null,
    day          date   not null,
    seconds      bigint not null,
    events       bigint not null,
    active_users bigint not null,
    primary key (plan_id, day)
);

create table __schema__.plan_content_usage (
    plan_id    text   not null,
    content_id text   not null,
    seconds    bigint not null,
    events     bigint not null,
    primary key (plan_id, content_id)
);

create table __schema__.plan_members (
    plan_id      text        not null,
    user_id      text        not null,
    member_since timestamptz not null,
    primary key (plan_id, user_id)
);

create table __schema__.plans (
    plan_id      text   not null primary key,
    status       text   not null check (status in ('active', 'merged')),
    merged_into  text   null,
    member_count bigint not null
);

create table __schema__.unattributed_usage_daily (
    day     date   not null primary key,
    seconds bigint not null,
    events  bigint not null
);

create table __schema__.dead_letters (
    source_topic     text        not null,
    source_partition int         not null,
    source_offset    bigint      not null,
    reason           text        not null,
    raw_value        bytea       null,
    received_at      timestamptz not null,
    primary key (source_topic, source_partition, source_offset)
);

-- The next offset to apply per (consumer group, topic, partition), written in the transaction that applies the records.
create table __schema__.sink_offsets (
    consumer_group text        not null,
    topic          text        not null,
    partition      int         not null,
    next_offset    bigint      not null,
    updated_at     timestamptz not null default now(),
    primary key (consumer_group, topic, partition)
);
