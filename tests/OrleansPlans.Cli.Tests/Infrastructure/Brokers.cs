using Confluent.Kafka;
using OrleansPlans.DevBroker;

namespace OrleansPlans.Cli.Tests;

/// <summary>Dev brokers for tests (in-process, ephemeral ports, milliseconds to start) and small Kafka helpers.</summary>
internal static class Brokers
{
    /// <summary>A broker with the contract's topics: membership and usage with <paramref name="partitions"/>, merges with 1, and the outputs.</summary>
    public static DevBrokerCluster StartWithContractTopics(int partitions = 2)
    {
        var broker = DevBrokerCluster.Start(new DevBrokerOptions { BrokerCount = 1, DefaultPartitions = partitions });
        broker.CreateContractTopics(inputPartitions: partitions, outputPartitions: partitions);
        return broker;
    }

    public static List<ConsumeResult<string?, string>> ReadAll(string bootstrap, string topic, int expected)
    {
        using var consumer = new ConsumerBuilder<string?, string>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = $"read-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(topic);
        var results = new List<ConsumeResult<string?, string>>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (results.Count < expected && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: not null } result)
            {
                results.Add(result);
            }
        }

        // A little longer, to notice records beyond the expected count.
        while (consumer.Consume(TimeSpan.FromMilliseconds(300)) is { Message: not null } extra)
        {
            results.Add(extra);
        }

        return results;
    }
}
