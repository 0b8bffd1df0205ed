using Confluent.Kafka;
using Npgsql;
using OrleansPlans.Sink.Postgres.Decoding;
using OrleansPlans.Sink.Postgres.Tables;

namespace OrleansPlans.Sink.Postgres.Writing;

/// <summary>
/// Applies a <see cref="SinkBatch"/> in one transaction: multi-row deletes and upserts per table and the partitions'
/// next offsets, so the tables and <c>sink_offsets</c> always describe the same prefix of every partition.
/// </summary>
internal sealed class BatchWriter(NpgsqlDataSource dataSource, string quotedSchema, SinkOffsetStore offsets)
{
    /// <summary>Writes the batch; false (nothing written) when <c>sink_offsets</c> no longer holds <paramref name="expected"/>.</summary>
    /// <param name="batch">The records.</param>
    /// <param name="expected">The stored next offsets this sink started from (a partition missing = no row yet).</param>
    /// <param name="cancellationToken">Cancels the transaction.</param>
    public async Task<bool> WriteAsync(SinkBatch batch, IReadOnlyDictionary<TopicPartition, long> expected, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Fencing: another sink of the same group that applied these partitions since we positioned ourselves would be
        // overwritten with older rows; locking the offset rows first makes such writers take turns and the loser re-seek.
        var stored = await offsets.ReadAsync(connection, transaction, forUpdate: true, cancellationToken).ConfigureAwait(false);
        foreach (var partition in batch.NextOffsets.Keys)
        {
            var hasStored = stored.TryGetValue(partition, out var storedOffset);
            var hasExpected = expected.TryGetValue(partition, out var expectedOffset);
            if (hasStored != hasExpected || storedOffset != expectedOffset)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        await using var statements = new NpgsqlBatch(connection, transaction);
        foreach (var (table, records) in batch.ByTable)
        {
            AddStatements(statements, table, records);
        }

        if (batch.NextOffsets.Count > 0)
        {
            statements.BatchCommands.Add(offsets.Upsert(batch.NextOffsets));
        }

        if (statements.BatchCommands.Count > 0)
        {
            await statements.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private void AddStatements(NpgsqlBatch statements, SinkTable table, IReadOnlyCollection<DecodedRecord> records)
    {
        // The batch holds one record per row, so deletes and upserts touch different rows and their order is free.
        var deletes = new List<DecodedRecord>();
        var upserts = new List<DecodedRecord>(records.Count);
        foreach (var record in records)
        {
            (record.Values is null ? deletes : upserts).Add(record);
        }

        if (deletes.Count > 0)
        {
            var delete = new NpgsqlBatchCommand(table.DeleteSql(quotedSchema));
            for (var i = 0; i < table.KeyCount; i++)
            {
                delete.Parameters.Add(ArrayParameters.Keys(table.Columns[i], deletes, i));
            }

            statements.BatchCommands.Add(delete);
        }

        if (upserts.Count > 0)
        {
            var upsert = new NpgsqlBatchCommand(table.UpsertSql(quotedSchema));
            for (var i = 0; i < table.Columns.Count; i++)
            {
                upsert.Parameters.Add(ArrayParameters.Values(table.Columns[i], upserts, i));
            }

            statements.BatchCommands.Add(upsert);
        }
    }
}
