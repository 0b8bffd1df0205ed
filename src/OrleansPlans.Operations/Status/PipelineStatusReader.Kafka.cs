using Confluent.Kafka;

namespace OrleansPlans.Operations.Status;

public sealed partial class PipelineStatusReader
{
    private sealed record KafkaSnapshot(
        Reachability Reachability,
        IReadOnlyList<PartitionLag> InputLag,
        IReadOnlyList<(string Topic, int Partition, long Low, long High)> OutputWatermarks,
        IReadOnlyList<string> Warnings);

    private KafkaSnapshot ReadKafka(CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        string? lastError = null;
        var config = new ConsumerConfig
        {
            BootstrapServers = _options.BootstrapServers,
            // The group only names whose committed offsets are fetched; nothing subscribes, so no rebalance happens.
            GroupId = _options.InputConsumerGroup,
            EnableAutoCommit = false,
            AllowAutoCreateTopics = false,
            SocketTimeoutMs = (int)_options.Timeout.TotalMilliseconds,
        };
        foreach (var (key, value) in _options.ClientConfig)
        {
            config.Set(key, value);
        }

        try
        {
            using var consumer = new ConsumerBuilder<byte[], byte[]>(config)
                .SetErrorHandler((_, error) => lastError = error.Reason)
                .SetLogHandler((_, _) => { }) // connection noise belongs in the result, not on the operator's terminal
                .Build();
            using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
            var metadata = admin.GetMetadata(_options.Timeout);
            var input = Watermarks(consumer, metadata, _options.InputTopics, warnings, cancellationToken);
            var output = Watermarks(consumer, metadata, _options.OutputTopics, warnings, cancellationToken);
            var committed = Committed(consumer, input, warnings);
            var inputLag = input
                .Select(w => committed is null
                    ? PartitionLag.Unknown(w.Topic, w.Partition, w.Low, w.High)
                    : PartitionLag.Of(w.Topic, w.Partition, w.Low, w.High, committed.TryGetValue((w.Topic, w.Partition), out var c) ? c : null))
                .ToList();
            return new KafkaSnapshot(Reachability.Ok, inputLag, output, warnings);
        }
        catch (KafkaException error)
        {
            var reason = lastError is null || lastError == error.Error.Reason ? error.Error.Reason : $"{error.Error.Reason} ({lastError})";
            return new KafkaSnapshot(Reachability.Failed(reason), [], [], warnings);
        }
    }

    private List<(string Topic, int Partition, long Low, long High)> Watermarks(
        IConsumer<byte[], byte[]> consumer, Metadata metadata, IEnumerable<string> topics, List<string> warnings, CancellationToken cancellationToken)
    {
        var result = new List<(string, int, long, long)>();
        foreach (var topic in topics)
        {
            var found = metadata.Topics.SingleOrDefault(t => t.Topic == topic);
            if (found is null || found.Error.IsError || found.Partitions.Count == 0)
            {
                warnings.Add($"Kafka topic '{topic}' does not exist{(found?.Error.IsError == true ? $" ({found.Error.Reason})" : "")}.");
                continue;
            }

            foreach (var partition in found.Partitions.Select(p => p.PartitionId).Order())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var offsets = consumer.QueryWatermarkOffsets(new TopicPartition(topic, partition), _options.Timeout);
                result.Add((topic, partition, offsets.Low.Value, offsets.High.Value));
            }
        }

        return result;
    }

    /// <returns>The committed offsets by partition, or null when they could not be read (the lag is then unknown, not the whole partition).</returns>
    private Dictionary<(string, int), long>? Committed(
        IConsumer<byte[], byte[]> consumer, List<(string Topic, int Partition, long Low, long High)> partitions, List<string> warnings)
    {
        var result = new Dictionary<(string, int), long>();
        if (partitions.Count == 0)
        {
            return result;
        }

        try
        {
            foreach (var committed in consumer.Committed(partitions.Select(p => new TopicPartition(p.Topic, p.Partition)), _options.Timeout))
            {
                if (committed.Offset.Value >= 0)
                {
                    result[(committed.Topic, committed.Partition.Value)] = committed.Offset.Value;
                }
            }
        }
        catch (KafkaException error)
        {
            warnings.Add($"The committed offsets of consumer group '{_options.InputConsumerGroup}' could not be read: {error.Error.Reason}.");
            return null;
        }

        return result;
    }
}
