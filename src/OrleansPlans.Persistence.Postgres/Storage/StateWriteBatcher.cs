using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace OrleansPlans.Persistence.Postgres.Storage;

/// <summary>
/// Writes the states of many grains in one statement: each write replaces its row only if the row's version is still
/// the one the grain read (inserts only if there is none; a clear deletes), a parted state's changed parts are written
/// only for the rows that passed that check, and the statement returns the rows it changed, so a write that lost a race fails alone (an <see cref="InconsistentStateException"/>, after which Orleans discards that activation) while the others
/// in its round trip are durable. Completes each write with its new version (0 after a clear).
/// </summary>
internal sealed class StateWriteBatcher(NpgsqlDataSource dataSource, GroupCommitStorageOptions options)
    : RoundTripBatcher<StateWrite, long>(options.MaxBatchSize, options.MaxConcurrentRoundTrips, options.WriteWindow)
{
    private const string Sql = """
        with input as (
            select * from unnest($1::text[], $2::text[], $3::bigint[], $4::bytea[]) as i(state_name, grain_id, expected, payload)
        ),
        updated as (
            update grain_state s set version = s.version + 1, payload = i.payload, modified_at = now()
            from input i
            where i.payload is not null and i.expected > 0
              and s.state_name = i.state_name and s.grain_id = i.grain_id and s.version = i.expected
            returning s.state_name, s.grain_id, s.version
        ),
        inserted as (
            insert into grain_state (state_name, grain_id, version, payload)
            select i.state_name, i.grain_id, 1, i.payload from input i where i.payload is not null and i.expected = 0
            on conflict (state_name, grain_id) do nothing
            returning state_name, grain_id, version
        ),
        deleted as (
            delete from grain_state s using input i
            where i.payload is null and s.state_name = i.state_name and s.grain_id = i.grain_id and s.version = i.expected
            returning s.state_name, s.grain_id, 0::bigint as version
        ),
        done as (
            select * from updated union all select * from inserted union all select * from deleted
        ),
        part_input as (
            select * from unnest($5::text[], $6::text[], $7::text[], $8::bytea[]) as p(state_name, grain_id, part, payload)
        ),
        parts_written as (
            insert into grain_state_part (state_name, grain_id, part, payload)
            select p.state_name, p.grain_id, p.part, p.payload
            from part_input p join done d on d.state_name = p.state_name and d.grain_id = p.grain_id
            where p.payload is not null
            on conflict (state_name, grain_id, part) do update set payload = excluded.payload
        ),
        parts_removed as (
            delete from grain_state_part gp using part_input p, done d
            where p.payload is null and d.state_name = p.state_name and d.grain_id = p.grain_id
              and gp.state_name = p.state_name and gp.grain_id = p.grain_id and gp.part = p.part
        ),
        parts_cleared as (
            delete from grain_state_part gp using deleted d where gp.state_name = d.state_name and gp.grain_id = d.grain_id
        )
        select * from done
        """;

    protected override async Task<IReadOnlyList<PendingRequest>> ExecuteAsync(IReadOnlyList<PendingRequest> batch)
    {
        // One write per grain per statement (an update joined to two input rows would apply only one of them): a
        // second write of the same grain, which only a duplicate activation can make, waits for the next round trip.
        var writes = new Dictionary<StateKey, PendingRequest>(batch.Count);
        List<PendingRequest>? deferred = null;
        foreach (var pending in batch)
        {
            if (pending.Request is { Payload: null, ExpectedVersion: 0 })
            {
                pending.Completion.TrySetResult(0); // clearing a state that was never written
            }
            else if (!writes.TryAdd(pending.Request.Key, pending))
            {
                (deferred ??= []).Add(pending);
            }
        }

        if (writes.Count > 0)
        {
            await WriteAsync(writes).ConfigureAwait(false);
        }

        return deferred ?? (IReadOnlyList<PendingRequest>)[];
    }

    private async Task WriteAsync(Dictionary<StateKey, PendingRequest> writes)
    {
        var states = new string[writes.Count];
        var grains = new string[writes.Count];
        var expected = new long[writes.Count];
        var payloads = new byte[]?[writes.Count];
        var parts = new PartColumns(writes.Values.Sum(p => p.Request.Parts?.Count ?? 0));
        var i = 0;
        foreach (var (key, pending) in writes)
        {
            (states[i], grains[i], expected[i], payloads[i]) = (key.StateName, key.GrainId, pending.Request.ExpectedVersion, pending.Request.Payload);
            parts.Add(key, pending.Request.Parts);
            i++;
        }

        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = states });
        command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = grains });
        command.Parameters.Add(new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = expected });
        command.Parameters.Add(new NpgsqlParameter<byte[]?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, TypedValue = payloads });
        parts.AddParameters(command);
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                var key = new StateKey(reader.GetString(0), reader.GetString(1));
                if (writes.Remove(key, out var done))
                {
                    done.Completion.TrySetResult(reader.GetInt64(2));
                }
            }
        }

        // The statement committed the rest; these found another version than the one their grain read.
        foreach (var (key, lost) in writes)
        {
            lost.Completion.TrySetException(new InconsistentStateException(
                $"The state '{key.StateName}' of grain '{key.GrainId}' is no longer at version {lost.Request.ExpectedVersion}: another activation wrote it.",
                storedEtag: null,
                currentEtag: lost.Request.ExpectedVersion.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The parts of every write of a round trip, as the statement's four part columns.</summary>
    private sealed class PartColumns(int count)
    {
        private readonly string[] _states = new string[count];
        private readonly string[] _grains = new string[count];
        private readonly string[] _names = new string[count];
        private readonly byte[]?[] _payloads = new byte[]?[count];
        private int _next;

        public void Add(StateKey key, IReadOnlyDictionary<string, byte[]?>? parts)
        {
            foreach (var (name, payload) in parts ?? EmptyParts)
            {
                (_states[_next], _grains[_next], _names[_next], _payloads[_next]) = (key.StateName, key.GrainId, name, payload);
                _next++;
            }
        }

        public void AddParameters(NpgsqlCommand command)
        {
            command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = _states });
            command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = _grains });
            command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = _names });
            command.Parameters.Add(new NpgsqlParameter<byte[]?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, TypedValue = _payloads });
        }

        private static readonly Dictionary<string, byte[]?> EmptyParts = [];
    }
}
