using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using OrleansPlans.Benchmarks.Workload;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Benchmarks.Pipeline;

/// <summary>
/// Issue 6, figure 4: latency from producing a usage record to its row update in an output topic, at a paced rate.
/// Each paced record names a content id of its own (<c>lat-N</c>), so its <c>plan_content_usage</c> row key
/// (<c>plan|lat-N</c>) identifies it; the produce time of N is kept in memory and subtracted on arrival.
/// </summary>
public static class LatencyBenchmark
{
    private const string ContentPrefix = "lat-";
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);

    // After every generated membership began (day 0-5) and before any removal (day 20+): every paced record is attributed.
    private static readonly DateTimeOffset EventTime = new(2026, 3, 7, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Latencies in milliseconds of the records matched, and how many were produced.</summary>
    public sealed record Result(double[] LatenciesMs, int Produced, double RatePerSecond)
    {
        /// <summary>The <paramref name="percentile"/> (0-100) of the matched latencies, nearest rank.</summary>
        public double Percentile(double percentile)
        {
            var sorted = LatenciesMs.Order().ToArray();
            var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }

    /// <summary>Produces records for <paramref name="users"/> at <paramref name="ratePerSecond"/> for <paramref name="duration"/>.</summary>
    public static async Task<Result> RunAsync(string bootstrapServers, IReadOnlyList<string> users, double ratePerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var count = Math.Max(10, (int)(ratePerSecond * duration.TotalSeconds));
        var producedAt = new long[count];
        var arrivals = new ConcurrentDictionary<int, long>();
        using var consumer = OutputConsumer(bootstrapServers);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var consuming = Task.Factory.StartNew(() => Consume(consumer, arrivals, count, stop.Token), TaskCreationOptions.LongRunning);

        using (var producer = new ProducerBuilder<string, byte[]>(RecordProducer.Config(bootstrapServers, lingerMs: 0)).Build())
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                // Paced against the schedule, not the previous send, so a slow send does not lower the rate.
                var due = TimeSpan.FromSeconds(i / ratePerSecond) - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(due, cancellationToken);
                }

                var usage = new UsageEvent($"lat-e-{i}", users[i % users.Count], ContentPrefix + i.ToString(CultureInfo.InvariantCulture), 60, EventTime.AddSeconds(i % 3600));
                producedAt[i] = Stopwatch.GetTimestamp();
                RecordProducer.Produce(producer, ContractRecords.Usage(usage), _ => { });
            }

            producer.Flush(TimeSpan.FromSeconds(30));
        }

        var deadline = Stopwatch.StartNew();
        while (arrivals.Count < count && deadline.Elapsed < Drain)
        {
            await Task.Delay(50, cancellationToken);
        }

        await stop.CancelAsync();
        await consuming;
        if (arrivals.Count < count)
        {
            throw new TimeoutException($"latency: only {arrivals.Count} of {count} paced records reached the output topic within {Drain} after the last send");
        }

        var latencies = arrivals.Select(a => Stopwatch.GetElapsedTime(producedAt[a.Key], a.Value).TotalMilliseconds).ToArray();
        return new Result(latencies, count, ratePerSecond);
    }

    private static IConsumer<string, byte[]> OutputConsumer(string bootstrapServers)
    {
        var topic = OutputTables.DefaultTopic(OutputTables.PlanContentUsage);
        var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers, GroupId = $"latency-{Guid.NewGuid():N}", EnableAutoCommit = false, FetchWaitMaxMs = 5,
        }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics[0].Partitions;
        // From the current end: only updates caused by the paced records matter.
        consumer.Assign(partitions.Select(p =>
        {
            var partition = new TopicPartition(topic, p.PartitionId);
            return new TopicPartitionOffset(partition, consumer.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(10)).High);
        }));
        return consumer;
    }

    private static void Consume(IConsumer<string, byte[]> consumer, ConcurrentDictionary<int, long> arrivals, int count, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && arrivals.Count < count)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(20));
            var key = result?.Message?.Key;
            var at = key?.IndexOf("|" + ContentPrefix, StringComparison.Ordinal) ?? -1;
            if (at >= 0 && int.TryParse(key.AsSpan(at + 1 + ContentPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < count)
            {
                arrivals.TryAdd(n, Stopwatch.GetTimestamp());
            }
        }
    }
}
