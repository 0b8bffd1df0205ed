-- Grain state of the group-commit storage provider (GroupCommitGrainStorage): one row per grain and state name,
-- written by many grains at once in one statement. Keyed by the natural identity as text; "version" is the ETag
-- (1 after the first write, +1 per write); a write names the version it read, and a write that finds another version
-- fails alone (its grain gets an InconsistentStateException), the others in its round trip succeed.

create table grain_state (
    state_name  text        not null,
    grain_id    text        not null,
    version     bigint      not null,
    payload     bytea       not null,
    modified_at timestamptz not null default now(),
    primary key (state_name, grain_id)
);

-- Parts of a parted state (a grain state implementing IPartedGrainState, e.g. a plan's ledger): a write carries only
-- the parts that changed, and applies them only if the grain's row passed its version check in the same statement.
-- Reading a grain's state reads its row and all its parts in one query.
create table grain_state_part (
    state_name text  not null,
    grain_id   text  not null,
    part       text  not null,
    payload    bytea not null,
    primary key (state_name, grain_id, part)
);
