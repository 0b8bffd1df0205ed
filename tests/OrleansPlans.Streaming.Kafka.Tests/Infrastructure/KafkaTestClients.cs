using Confluent.Kafka;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>Plain Confluent clients the tests produce and inspect with, tuned for a local broker that may go down.</summary>
internal static class KafkaTestClients
{
    public static Dictionary<string, string> FastReconnect => new()
    {
        ["reconnect.backoff.ms"] = "50",
        ["reconnect.backoff.max.ms"] = "500",
        ["topic.metadata.refresh.interval.ms"] = "1000",
    };

    public static IProducer<string, string> Producer(string bootstrapServers) =>
        new ProducerBuilder<string, string>(new ProducerConfig(FastReconnect)
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
            MessageTimeoutMs = 60_000,
        }).Build();

    public static IConsumer<string, string> Consumer(string bootstrapServers) =>
        new ConsumerBuilder<string, string>(new ConsumerConfig(FastReconnect)
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"inspect-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();

    /// <summary>Produces each record to its partition and waits for every acknowledgement.</summary>
    public static async Task ProduceAsync(IProducer<string, string> producer, string topic, IEnumerable<TestRecord> records)
    {
        var deliveries = records
            .Select(r => producer.ProduceAsync(new TopicPartition(topic, r.Partition), new Message<string, string> { Key = r.Key, Value = r.Value }))
            .ToArray();
        await Task.WhenAll(deliveries);
    }

    /// <summary>Reads a whole topic from the start until <paramref name="count"/> records arrived or the deadline passed.</summary>
    public static List<ConsumeResult<string, string>> ReadTopic(string bootstrapServers, string topic, int partitions, int count, TimeSpan deadline)
    {
        using var consumer = Consumer(bootstrapServers);
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var results = new List<ConsumeResult<string, string>>();
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (results.Count < count && elapsed.Elapsed < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false, Message: not null } result)
            {
                results.Add(result);
            }
        }

        return results;
    }

    /// <summary>The next offset to be written to each partition.</summary>
    public static long[] HighWatermarks(string bootstrapServers, string topic, int partitions)
    {
        using var consumer = Consumer(bootstrapServers);
        return [.. Enumerable.Range(0, partitions).Select(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value)];
    }
}
