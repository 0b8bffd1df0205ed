using Confluent.Kafka;
using Npgsql;
using NpgsqlTypes;

namespace OrleansPlans.Sink.Postgres.Writing;

/// <summary>Reads and writes <c>sink_offsets</c>: the next offset to apply per (consumer group, topic, partition).</summary>
internal sealed class SinkOffsetStore(string quotedSchema, string consumerGroup)
{
    public string ConsumerGroup { get; } = consumerGroup;

    /// <summary>Reads the group's offsets; with <paramref name="forUpdate"/> also takes the group's transaction lock first.</summary>
    public async Task<Dictionary<TopicPartition, long>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, bool forUpdate, CancellationToken cancellationToken)
    {
        if (forUpdate)
        {
            // Row locks cannot cover partitions that have no row yet; a transaction-scoped advisory lock per group does.
            await using var lockGroup = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended($1, 0))", connection, transaction);
            lockGroup.Parameters.Add(ArrayParameters.Value($"orleansplans.sink_offsets:{quotedSchema}:{ConsumerGroup}"));
            await lockGroup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var sql = $"select topic, partition, next_offset from {quotedSchema}.sink_offsets where consumer_group = $1" + (forUpdate ? " for update" : "");
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(ArrayParameters.Value(ConsumerGroup));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var offsets = new Dictionary<TopicPartition, long>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            offsets[new TopicPartition(reader.GetString(0), reader.GetInt32(1))] = reader.GetInt64(2);
        }

        return offsets;
    }

    public NpgsqlBatchCommand Upsert(IReadOnlyDictionary<TopicPartition, long> nextOffsets)
    {
        var command = new NpgsqlBatchCommand(
            $"insert into {quotedSchema}.sink_offsets (consumer_group, topic, partition, next_offset) " +
            "select $1, u.topic, u.partition, u.next_offset from unnest($2::text[], $3::int[], $4::bigint[]) as u(topic, partition, next_offset) " +
            "on conflict (consumer_group, topic, partition) do update set next_offset = excluded.next_offset, updated_at = now()");
        command.Parameters.Add(ArrayParameters.Value(ConsumerGroup));
        command.Parameters.Add(ArrayParameters.Array(NpgsqlDbType.Text, nextOffsets.Keys.Select(p => p.Topic).ToArray()));
        command.Parameters.Add(ArrayParameters.Array(NpgsqlDbType.Integer, nextOffsets.Keys.Select(p => p.Partition.Value).ToArray()));
        command.Parameters.Add(ArrayParameters.Array(NpgsqlDbType.Bigint, nextOffsets.Values.ToArray()));
        return command;
    }
}
