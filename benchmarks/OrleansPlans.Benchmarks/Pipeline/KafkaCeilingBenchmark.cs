using Confluent.Kafka;
using OrleansPlans.Benchmarks.Engine;
using OrleansPlans.Benchmarks.Workload;
using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Events;

namespace OrleansPlans.Benchmarks.Pipeline;

/// <summary>
/// Issue 6, figure 1: the raw ceiling. One plain Confluent.Kafka consumer reads the input topics from the beginning and
/// decodes every record with the contract codec, with no grains: the rate no pipeline on this broker can beat.
/// </summary>
public static class KafkaCeilingBenchmark
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Consumes and decodes <paramref name="expectedRecords"/> records; returns the timing.</summary>
    public static RunResult Run(string bootstrapServers, long expectedRecords)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers, GroupId = $"ceiling-{Guid.NewGuid():N}", EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = new List<TopicPartitionOffset>();
        foreach (var topic in new[] { ContractRecords.MembershipTopic, ContractRecords.UsageTopic })
        {
            var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics[0];
            partitions.AddRange(metadata.Partitions.Select(p => new TopicPartitionOffset(topic, p.PartitionId, Offset.Beginning)));
        }

        consumer.Assign(partitions);
        long decoded = 0, failed = 0;
        var measurement = Measurement.Start();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (decoded + failed < expectedRecords)
        {
            if (clock.Elapsed > Timeout)
            {
                throw new TimeoutException($"ceiling: only {decoded + failed} of {expectedRecords} records consumed within {Timeout}");
            }

            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result?.Message is null)
            {
                continue;
            }

            var topic = result.Topic == ContractRecords.UsageTopic ? InputTopic.Usage : InputTopic.Membership;
            var outcome = ContractCodec.Decode(topic, result.Message.Key, result.Message.Value);
            if (!outcome.IsValid)
            {
                failed++;
            }
            else
            {
                decoded++;
            }
        }

        var run = measurement.Stop();
        if (failed > 0)
        {
            throw new InvalidOperationException($"ceiling: {failed} generated records did not decode; the workload encoder breaks the contract");
        }

        return run;
    }
}
