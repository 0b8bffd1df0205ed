using System.Text;
using Confluent.Kafka;
using OrleansPlans.Oracle;

namespace OrleansPlans.Acceptance.Tests;

/// <summary>
/// Produces generated records to the partitions the generator chose and returns them with the offsets Kafka gave
/// them: the oracle needs the real positions (dead-letter keys) and, for merges, the real order.
/// </summary>
internal static class InputProducer
{
    private const int InFlight = 2_000;

    /// <summary>Produces <paramref name="records"/>; within each partition in the given order (checked, not assumed).</summary>
    public static async Task<List<RawRecord>> ProduceAsync(string bootstrapServers, IReadOnlyList<RawRecord> records, CancellationToken cancellationToken)
    {
        // Idempotence keeps each partition's order even if a request is retried, so many records can be in flight.
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers, Acks = Acks.All, EnableIdempotence = true, LingerMs = 5,
        }).Build();
        var produced = new List<RawRecord>(records.Count);
        foreach (var chunk in records.Chunk(InFlight))
        {
            var results = await Task.WhenAll(chunk.Select(record => producer.ProduceAsync(
                new TopicPartition(record.Topic, record.Partition),
                new Message<byte[]?, byte[]> { Key = record.Key is null ? null : Encoding.UTF8.GetBytes(record.Key), Value = record.Value },
                cancellationToken)));
            produced.AddRange(chunk.Zip(results, (record, result) => record with { Partition = result.Partition.Value, Offset = result.Offset.Value }));
        }

        EnsurePartitionOrderKept(produced);
        return produced;
    }

    private static void EnsurePartitionOrderKept(IEnumerable<RawRecord> produced)
    {
        var last = new Dictionary<(string, int), long>();
        foreach (var record in produced)
        {
            var partition = (record.Topic, record.Partition);
            if (last.TryGetValue(partition, out var previous) && record.Offset <= previous)
            {
                throw new InvalidOperationException(
                    $"{record.Topic} [{record.Partition}]: offset {record.Offset} after {previous}; the broker reordered records, so the oracle's arrival order is wrong.");
            }

            last[partition] = record.Offset;
        }
    }
}
