using Confluent.Kafka;
using OrleansPlans.Sink.Postgres.Consuming;

namespace OrleansPlans.Sink.Postgres;

/// <summary>Lists the output topics' partitions and reads their high watermarks (the offsets a caught-up sink reaches).</summary>
public static class OutputTopicOffsets
{
    /// <summary>
    /// The high watermark of every partition of the configured output topics (topics that do not exist are left out):
    /// pass it to <see cref="PostgresTableSink.WaitUntilCaughtUpAsync(IReadOnlyDictionary{TopicPartition, long}, TimeSpan, CancellationToken)"/>.
    /// </summary>
    public static Task<IReadOnlyDictionary<TopicPartition, long>> ReadHighWatermarksAsync(PostgresSinkOptions options, CancellationToken cancellationToken = default) =>
        ReadWatermarksAsync(options, w => w.High.Value, cancellationToken);

    /// <summary>
    /// The low watermark (oldest offset still held) of every partition of the configured output topics (topics that do not
    /// exist are left out): where a rebuild starts, see <see cref="SinkRewind.RewindAsync"/>.
    /// </summary>
    public static Task<IReadOnlyDictionary<TopicPartition, long>> ReadLowWatermarksAsync(PostgresSinkOptions options, CancellationToken cancellationToken = default) =>
        ReadWatermarksAsync(options, w => w.Low.Value, cancellationToken);

    private static Task<IReadOnlyDictionary<TopicPartition, long>> ReadWatermarksAsync(
        PostgresSinkOptions options, Func<WatermarkOffsets, long> pick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Task.Run<IReadOnlyDictionary<TopicPartition, long>>(() =>
        {
            using var consumer = new ConsumerBuilder<byte[], byte[]>(SinkConsumerConfig.Build(options, options.ConsumerGroupId + "-watermarks")).Build();
            var result = new Dictionary<TopicPartition, long>();
            foreach (var partition in ListPartitions(consumer.Handle, options.Topics.Values, options.MetadataTimeout, (_, _) => { }))
            {
                cancellationToken.ThrowIfCancellationRequested();
                result[partition] = pick(consumer.QueryWatermarkOffsets(partition, options.MetadataTimeout));
            }

            return result;
        }, cancellationToken);
    }

    /// <summary>The partitions of <paramref name="topics"/> that exist; <paramref name="missing"/> hears about the others.</summary>
    internal static List<TopicPartition> ListPartitions(Handle handle, IEnumerable<string> topics, TimeSpan timeout, Action<string, string> missing)
    {
        using var admin = new DependentAdminClientBuilder(handle).Build();
        var partitions = new List<TopicPartition>();
        foreach (var topic in topics)
        {
            var metadata = admin.GetMetadata(topic, timeout).Topics.SingleOrDefault(t => t.Topic == topic);
            if (metadata is null || metadata.Error.IsError || metadata.Partitions.Count == 0)
            {
                missing(topic, metadata?.Error.Reason ?? "not in the metadata");
                continue;
            }

            partitions.AddRange(metadata.Partitions.Select(p => new TopicPartition(topic, p.PartitionId)));
        }

        return partitions.OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition.Value).ToList();
    }
}
