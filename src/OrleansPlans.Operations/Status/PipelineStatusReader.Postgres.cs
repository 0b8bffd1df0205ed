using System.Net.Sockets;
using Npgsql;

namespace OrleansPlans.Operations.Status;

public sealed partial class PipelineStatusReader
{
    private const string UndefinedTable = "42P01";
    private const string UndefinedSchema = "3F000";

    private sealed record PostgresSnapshot(
        Reachability Reachability,
        IReadOnlyDictionary<(string, int), long>? SinkOffsets,
        IReadOnlyList<SiloInfo> Silos,
        DeadLetterSummary? DeadLetters,
        IReadOnlyList<string> Warnings);

    private async Task<PostgresSnapshot> ReadPostgresAsync(CancellationToken cancellationToken)
    {
        if (_dataSource is null)
        {
            return new PostgresSnapshot(Reachability.Failed("no PostgreSQL connection string was given"), null, [], null, []);
        }

        // A status read must come back soon whatever state the database is in, also through a data source shared
        // with the rest of the process (its pool and timeouts are not ours): the connection and then the reads each
        // get Timeout.
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(_options.Timeout);
        NpgsqlConnection connection;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(bound.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is NpgsqlException or SocketException or TimeoutException)
        {
            return new PostgresSnapshot(Reachability.Failed(error.Message), null, [], null, []);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new PostgresSnapshot(Reachability.Failed(NoAnswer()), null, [], null, []);
        }

        bound.CancelAfter(_options.Timeout);
        await using (connection.ConfigureAwait(false))
        {
            var warnings = new List<string>();
            try
            {
                var sinkOffsets = await TryReadAsync(() => ReadSinkOffsetsAsync(connection, bound.Token), "sink_offsets", warnings).ConfigureAwait(false);
                var silos = await TryReadAsync(() => ReadSilosAsync(connection, bound.Token), "orleans_membership", warnings).ConfigureAwait(false);
                var deadLetters = await TryReadAsync(() => ReadDeadLettersAsync(connection, bound.Token), "dead_letters", warnings).ConfigureAwait(false);
                return new PostgresSnapshot(Reachability.Ok, sinkOffsets, silos ?? [], deadLetters, warnings);
            }
            catch (Exception error) when (IsConnectionLost(error, connection))
            {
                // The pool handed out a connection the server had already dropped (it was stopped or restarted): the
                // first command fails with an I/O error and every later one with "Connection is not open". That is
                // PostgreSQL being unreachable, not a read to warn about or an error to throw.
                return new PostgresSnapshot(Reachability.Failed(error.Message), null, [], null, []);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new PostgresSnapshot(Reachability.Failed(NoAnswer()), null, [], null, []);
            }
        }
    }

    private string NoAnswer() => $"PostgreSQL did not answer within {_options.Timeout.TotalSeconds:0.#} s";

    private static bool IsConnectionLost(Exception error, NpgsqlConnection connection) => error switch
    {
        PostgresException => false, // the server answered
        NpgsqlException or SocketException or TimeoutException or IOException => true,
        InvalidOperationException => connection.FullState is not System.Data.ConnectionState.Open,
        _ => false,
    };

    private static async Task<T?> TryReadAsync<T>(Func<Task<T>> read, string table, List<string> warnings)
        where T : class
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (PostgresException error) when (error.SqlState is UndefinedTable or UndefinedSchema)
        {
            warnings.Add($"PostgreSQL table {table} does not exist yet: run `orleansplans migrate` (or start a host, which migrates).");
        }
        catch (PostgresException error)
        {
            // Any other refusal by a server that answered (permissions, a changed column); a lost connection is not
            // caught here and makes PostgreSQL unreachable.
            warnings.Add($"PostgreSQL table {table} could not be read: {error.Message}");
        }

        return null;
    }

    private async Task<IReadOnlyDictionary<(string, int), long>> ReadSinkOffsetsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select topic, partition, next_offset from {_quotedSchema}.sink_offsets where consumer_group = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = _options.SinkConsumerGroup });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var offsets = new Dictionary<(string, int), long>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            offsets[(reader.GetString(0), reader.GetInt32(1))] = reader.GetInt64(2);
        }

        return offsets;
    }

    private async Task<IReadOnlyList<SiloInfo>> ReadSilosAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Unqualified: the Orleans tables live in the first schema of the search path, as the migrator put them.
        await using var command = new NpgsqlCommand(
            """
            select deployment_id, address, port, generation, silo_name, host_name, status, start_time, i_am_alive_time
            from orleans_membership
            where ($1::text is null or deployment_id = $1) and (status <> 6 or i_am_alive_time >= $2)
            order by (status = 3) desc, deployment_id, address, port, generation desc
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = _options.ClusterId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow() - _options.RecentlyDeadSilos });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var silos = new List<SiloInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            silos.Add(new SiloInfo(
                reader.GetString(0),
                $"{reader.GetString(1)}:{reader.GetInt32(2)}",
                reader.GetInt32(3),
                reader.GetString(4),
                reader.GetString(5),
                SiloInfo.StatusName(reader.GetInt32(6)),
                reader.GetFieldValue<DateTimeOffset>(7),
                reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return silos;
    }

    private async Task<DeadLetterSummary> ReadDeadLettersAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        long count;
        await using (var counting = new NpgsqlCommand($"select count(*) from {_quotedSchema}.dead_letters", connection))
        {
            count = (long)(await counting.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await using var command = new NpgsqlCommand(
            $"""
            select source_topic, source_partition, source_offset, reason, received_at from {_quotedSchema}.dead_letters
            order by received_at desc, source_topic, source_partition, source_offset desc
            limit $1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = _options.NewestDeadLetters });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var newest = new List<DeadLetterInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            newest.Add(new DeadLetterInfo(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return new DeadLetterSummary(count, newest);
    }
}
