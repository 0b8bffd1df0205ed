using System.Diagnostics;
using Confluent.Kafka;

namespace OrleansPlans.Projection.Tests;

/// <summary>Reads whole topics from the beginning to their current end (bounded by a deadline, never a fixed sleep).</summary>
internal static class TopicReader
{
    public static List<ConsumeResult<string, byte[]>> ReadAll(string bootstrapServers, string topic, TimeSpan deadline)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"inspect-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        }).Build();

        var ends = Enumerable.Range(0, DevBrokerFixture.Partitions)
            .Select(p => new TopicPartition(topic, p))
            .ToDictionary(tp => tp, tp => consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10)).High.Value);
        consumer.Assign(ends.Keys.Select(tp => new TopicPartitionOffset(tp, Offset.Beginning)));

        var pending = ends.Where(p => p.Value > 0).Select(p => p.Key).ToHashSet();
        var results = new List<ConsumeResult<string, byte[]>>();
        var elapsed = Stopwatch.StartNew();
        while (pending.Count > 0)
        {
            if (elapsed.Elapsed > deadline)
            {
                throw new TimeoutException($"Reading {topic} did not reach the end within {deadline}.");
            }

            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is not { } result)
            {
                continue;
            }

            if (!result.IsPartitionEOF)
            {
                results.Add(result);
            }

            if (result.Offset.Value + (result.IsPartitionEOF ? 0 : 1) >= ends[result.TopicPartition])
            {
                pending.Remove(result.TopicPartition);
            }
        }

        return results;
    }
}
