using Confluent.Kafka;
using Npgsql;
using OrleansPlans.Sink.Postgres.Tables;
using OrleansPlans.Sink.Postgres.Writing;

namespace OrleansPlans.Sink.Postgres;

/// <summary>
/// Rewinds a sink's projection so it is rebuilt from the output topics: empties the analytics tables and sets the group's
/// stored offsets to given start offsets (normally the low watermarks), in one transaction.
/// </summary>
/// <remarks>
/// The transaction takes the same per-group advisory lock every sink transaction takes, and replaces the offsets a running
/// sink of the group checks before each write. A sink that is running meanwhile therefore cannot interleave a batch with
/// the rewind, and its next batch finds the offsets moved, rolls back and re-reads from the new start: the tables are
/// never a mix of before and after. Any <see cref="PostgresTableSink"/> of the group (the host's, or one started for the
/// rebuild) then refills the tables.
/// </remarks>
public static class SinkRewind
{
    /// <summary>Empties the contract's tables and stores <paramref name="startOffsets"/> as the group's next offsets, atomically.</summary>
    /// <param name="dataSource">The analytics database.</param>
    /// <param name="options">The sink's options (schema and consumer group); validated.</param>
    /// <param name="startOffsets">Where each partition is read again from, e.g. <see cref="OutputTopicOffsets.ReadLowWatermarksAsync"/>.</param>
    /// <param name="cancellationToken">Cancels (and rolls back) the rewind.</param>
    /// <returns>The number of rows deleted from the tables.</returns>
    public static async Task<long> RewindAsync(
        NpgsqlDataSource dataSource, PostgresSinkOptions options, IReadOnlyDictionary<TopicPartition, long> startOffsets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(startOffsets);
        var problems = PostgresSinkOptionsValidator.Problems(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var schema = AnalyticsSchema.Quote(options.Schema);
        var offsets = new SinkOffsetStore(schema, options.ConsumerGroupId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The group's lock first, exactly as a sink batch takes it, so a running sink's batch and the rewind take turns.
        await offsets.ReadAsync(connection, transaction, forUpdate: true, cancellationToken).ConfigureAwait(false);
        long deleted = 0;
        foreach (var table in SinkTables.ByName.Keys)
        {
            await using var delete = new NpgsqlCommand($"delete from {schema}.{table}", connection, transaction);
            deleted += await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var forget = new NpgsqlCommand($"delete from {schema}.sink_offsets where consumer_group = $1", connection, transaction))
        {
            forget.Parameters.Add(ArrayParameters.Value(options.ConsumerGroupId));
            await forget.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (startOffsets.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(offsets.Upsert(startOffsets));
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }
}
