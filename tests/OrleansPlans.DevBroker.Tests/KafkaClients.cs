using System.Diagnostics;
using Confluent.Kafka;

namespace OrleansPlans.DevBroker.Tests;

/// <summary>Client configurations the tests share; tuned for a local broker that may be taken down.</summary>
internal static class KafkaClients
{
    public static IProducer<string, string> IdempotentProducer(string bootstrapServers) =>
        new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
            MessageTimeoutMs = 60_000,

            // Reconnect quickly once a broker comes back up.
            ReconnectBackoffMs = 50,
            ReconnectBackoffMaxMs = 500,
        }).Build();

    public static IConsumer<string, string> Consumer(string bootstrapServers, string groupId) =>
        new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = groupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,

            // After a member leaves, the mock holds the next JoinGroup for the group's session timeout
            // minus one second (45 s by default) before it assigns partitions again; a short session
            // timeout keeps a hand-over between consumers quick.
            SessionTimeoutMs = 3000,
            HeartbeatIntervalMs = 500,
            ReconnectBackoffMs = 50,
            ReconnectBackoffMaxMs = 500,
        }).Build();

    public static IAdminClient Admin(string bootstrapServers) =>
        new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();

    /// <summary>Produces keys "key-{i}" for each i and waits for every acknowledgement.</summary>
    public static async Task ProduceAsync(
        IProducer<string, string> producer, string topic, IEnumerable<int> keys, CancellationToken cancellationToken)
    {
        var deliveries = keys
            .Select(i => producer.ProduceAsync(topic, new Message<string, string> { Key = Key(i), Value = $"value-{i}" }, cancellationToken))
            .ToArray();
        await Task.WhenAll(deliveries);
    }

    public static string Key(int i) => $"key-{i}";

    /// <summary>
    /// Consumes until <paramref name="count"/> records arrived or the deadline passed, returning the keys in arrival order.
    /// </summary>
    public static List<string> ConsumeKeys(IConsumer<string, string> consumer, int count, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var elapsed = Stopwatch.StartNew();
        while (keys.Count < count && elapsed.Elapsed < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is { IsPartitionEOF: false, Message: not null })
            {
                keys.Add(result.Message.Key);
            }
        }

        return keys;
    }
}
