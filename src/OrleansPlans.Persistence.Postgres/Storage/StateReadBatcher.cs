using Npgsql;
using NpgsqlTypes;

namespace OrleansPlans.Persistence.Postgres.Storage;

/// <summary>
/// Reads the states of many grains, with their parts, in one query (activations come in waves: a backlog activates thousands of user
/// grains at once, each reading its state).
/// </summary>
internal sealed class StateReadBatcher(NpgsqlDataSource dataSource, GroupCommitStorageOptions options)
    : RoundTripBatcher<StateKey, StoredState>(options.MaxBatchSize, options.MaxConcurrentRoundTrips)
{
    private const string Sql = """
        select s.state_name, s.grain_id, s.version, s.payload, p.part, p.payload
        from unnest($1::text[], $2::text[]) as k(state_name, grain_id)
        join grain_state s on s.state_name = k.state_name and s.grain_id = k.grain_id
        left join grain_state_part p on p.state_name = k.state_name and p.grain_id = k.grain_id
        """;

    protected override async Task<IReadOnlyList<PendingRequest>> ExecuteAsync(IReadOnlyList<PendingRequest> batch)
    {
        var keys = batch.Select(p => p.Request).Distinct().ToArray();
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = keys.Select(k => k.StateName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = keys.Select(k => k.GrainId).ToArray() });
        var found = new Dictionary<StateKey, StoredState>(keys.Length);
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                var key = new StateKey(reader.GetString(0), reader.GetString(1));
                if (!found.TryGetValue(key, out var state))
                {
                    found[key] = state = new StoredState(reader.GetInt64(2), reader.GetFieldValue<byte[]>(3), new List<KeyValuePair<string, byte[]>>());
                }

                if (!reader.IsDBNull(4))
                {
                    ((List<KeyValuePair<string, byte[]>>)state.Parts).Add(new(reader.GetString(4), reader.GetFieldValue<byte[]>(5)));
                }
            }
        }

        foreach (var pending in batch)
        {
            pending.Completion.TrySetResult(found.GetValueOrDefault(pending.Request, StoredState.None));
        }

        return [];
    }
}
