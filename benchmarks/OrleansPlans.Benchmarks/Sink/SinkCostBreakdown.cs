using Confluent.Kafka;
using OrleansPlans.Benchmarks.Engine;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Sink.Postgres.Decoding;
using OrleansPlans.Sink.Postgres.Tables;
using OrleansPlans.Sink.Postgres.Writing;

namespace OrleansPlans.Benchmarks.Sink;

/// <summary>
/// Where the sink's CPU goes, part by part, over the records of a <see cref="SinkBenchmark"/> run: reading them with a
/// plain consumer (no decoding; the dev broker serving the fetches runs in this process and is counted too), and
/// decoding them into coalesced batches in memory. The rest of the sink's own CPU is building and sending statements.
/// </summary>
public static class SinkCostBreakdown
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Reads <paramref name="records"/> records from the start of <paramref name="topics"/>, keys and values as bytes.</summary>
    public static RunResult ConsumeOnly(string bootstrapServers, IReadOnlyCollection<string> topics, int records)
    {
        ArgumentNullException.ThrowIfNull(topics);
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers, GroupId = $"sink-consume-{Guid.NewGuid():N}", EnableAutoCommit = false,
            IsolationLevel = IsolationLevel.ReadCommitted,
        }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        consumer.Assign(topics.SelectMany(topic => admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics[0].Partitions
            .Select(p => new TopicPartitionOffset(topic, p.PartitionId, Offset.Beginning))));
        var measurement = Measurement.Start();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var read = 0; read < records;)
        {
            if (clock.Elapsed > Timeout)
            {
                throw new TimeoutException($"sink breakdown: only {read} of {records} records consumed within {Timeout}");
            }

            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { Message: not null })
            {
                read++;
            }
        }

        return measurement.Stop();
    }

    /// <summary>Decodes every record of <paramref name="stream"/> as the sink does and adds it to batches of <paramref name="batchSize"/>.</summary>
    public static RunResult DecodeOnly(OutputRecordStream stream, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Encoded beforehand: the sink receives bytes.
        var encoded = stream.Changes.Select(c => (Table: SinkTables.ByName[c.Table], Key: System.Text.Encoding.UTF8.GetBytes(c.Key),
            Value: c.Row is null ? null : RowJson.ToUtf8(c.Row))).ToList();
        var partition = new TopicPartition("sink-decode", 0);
        var rows = 0;
        var measurement = Measurement.Start();
        var batch = new SinkBatch();
        for (var i = 0; i < encoded.Count; i++)
        {
            var (table, key, value) = encoded[i];
            batch.Add(partition, i, RecordDecoder.Decode(table, key, value, out _));
            if (batch.RecordCount == batchSize || i == encoded.Count - 1)
            {
                rows += batch.RowCount;
                batch = new SinkBatch();
            }
        }

        var run = measurement.Stop();
        GC.KeepAlive(rows);
        return run;
    }
}
