using Npgsql;
using NpgsqlTypes;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Sink.Postgres.Decoding;
using OrleansPlans.Sink.Postgres.Tables;
using OrleansPlans.Sink.Postgres.Writing;

namespace OrleansPlans.Benchmarks.Sink;

/// <summary>
/// The alternative to the sink's unnest upserts, measured against them and not shipped: per table, the batch's
/// upserted rows are binary-COPYed into a session temp table (emptied at commit) and merged into the table with one
/// <c>insert ... select ... on conflict do update</c>; deletes and offsets as the sink does them, in the same transaction.
/// </summary>
internal sealed class CopyMergeWriter(NpgsqlDataSource dataSource, string quotedSchema, SinkOffsetStore offsets)
{
    public async Task WriteAsync(SinkBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The same fencing the sink does, so the two strategies differ only in how rows travel.
        await offsets.ReadAsync(connection, transaction, forUpdate: true, cancellationToken);

        await using var statements = new NpgsqlBatch(connection, transaction);
        foreach (var (table, records) in batch.ByTable)
        {
            var deletes = records.Where(r => r.Values is null).ToList();
            if (deletes.Count > 0)
            {
                var delete = new NpgsqlBatchCommand(table.DeleteSql(quotedSchema));
                for (var i = 0; i < table.KeyCount; i++)
                {
                    delete.Parameters.Add(ArrayParameters.Keys(table.Columns[i], deletes, i));
                }

                statements.BatchCommands.Add(delete);
            }

            var upserts = records.Where(r => r.Values is not null).ToList();
            if (upserts.Count > 0)
            {
                var stage = $"sink_stage_{table.Name}";
                await using (var create = new NpgsqlCommand(
                    $"create temp table if not exists {stage} (like {quotedSchema}.{table.Name}) on commit delete rows", connection, transaction))
                {
                    await create.ExecuteNonQueryAsync(cancellationToken);
                }

                await CopyAsync(connection, stage, table, upserts, cancellationToken);
                var names = string.Join(", ", table.Columns.Select(c => c.Name));
                var keys = string.Join(", ", table.KeyColumns.Select(c => c.Name));
                var updates = string.Join(", ", table.Columns.Skip(table.KeyCount).Select(c => $"{c.Name} = excluded.{c.Name}"));
                statements.BatchCommands.Add(new NpgsqlBatchCommand(
                    $"insert into {quotedSchema}.{table.Name} ({names}) select {names} from {stage} on conflict ({keys}) do update set {updates}"));
            }
        }

        statements.BatchCommands.Add(offsets.Upsert(batch.NextOffsets));
        await statements.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string stage, SinkTable table, List<DecodedRecord> rows, CancellationToken cancellationToken)
    {
        await using var import = await connection.BeginBinaryImportAsync(
            $"copy {stage} ({string.Join(", ", table.Columns.Select(c => c.Name))}) from stdin (format binary)", cancellationToken);
        foreach (var row in rows)
        {
            await import.StartRowAsync(cancellationToken);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (row.Values![i] is not { } value)
                {
                    await import.WriteNullAsync(cancellationToken);
                    continue;
                }

                await import.WriteAsync(value, DbType(table.Columns[i].Type), cancellationToken);
            }
        }

        await import.CompleteAsync(cancellationToken);
    }

    private static NpgsqlDbType DbType(ColumnType type) => type switch
    {
        ColumnType.Text => NpgsqlDbType.Text,
        ColumnType.Timestamptz => NpgsqlDbType.TimestampTz,
        ColumnType.Date => NpgsqlDbType.Date,
        ColumnType.Integer => NpgsqlDbType.Integer,
        ColumnType.Bigint => NpgsqlDbType.Bigint,
        ColumnType.Bytea => NpgsqlDbType.Bytea,
        _ => throw new InvalidOperationException($"Unknown column type {type}."),
    };
}
