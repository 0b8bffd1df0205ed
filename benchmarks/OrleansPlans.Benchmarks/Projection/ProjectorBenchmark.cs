using System.Diagnostics;
using OrleansPlans.Benchmarks.Engine;
using OrleansPlans.Benchmarks.Pipeline;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Projection.Kafka;

namespace OrleansPlans.Benchmarks.Projection;

/// <summary>
/// The projector alone (issue 10, item 5): row changes published at a paced rate over a hot key space, as the grains
/// emit them, through a <see cref="KafkaRowSink"/> with a given flush interval and producer settings; per variant, the
/// publish-to-acknowledgement latency (what the projector adds to produce → output topic), the records produced per
/// change (coalescing) and the CPU per change (the dev broker runs in this process and is counted).
/// </summary>
public static class ProjectorBenchmark
{
    private static readonly DateTime Start = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>One variant of the projector's settings.</summary>
    /// <param name="Name">Printed name.</param>
    /// <param name="FlushInterval">The projector's flush interval.</param>
    /// <param name="ClientConfig">Producer settings applied over the projector's own.</param>
    public sealed record Variant(string Name, TimeSpan FlushInterval, IReadOnlyDictionary<string, string> ClientConfig);

    /// <summary>What one variant measured.</summary>
    public sealed record Result(Variant Variant, double[] LatenciesMs, int Changes, long Records, RunResult Run)
    {
        /// <summary>The <paramref name="percentile"/> (0-100) of the latencies, nearest rank.</summary>
        public double Percentile(double percentile)
        {
            var sorted = LatenciesMs.Order().ToArray();
            return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        }
    }

    /// <summary>The variants compared: today's settings, shorter flush intervals, no linger, lz4 compression.</summary>
    public static IReadOnlyList<Variant> Variants { get; } =
    [
        new("flush 100 ms, linger 5 ms (default)", TimeSpan.FromMilliseconds(100), new Dictionary<string, string>()),
        new("flush 50 ms", TimeSpan.FromMilliseconds(50), new Dictionary<string, string>()),
        new("flush 20 ms", TimeSpan.FromMilliseconds(20), new Dictionary<string, string>()),
        new("flush 20 ms, linger 0", TimeSpan.FromMilliseconds(20), new Dictionary<string, string> { ["linger.ms"] = "0" }),
        new("flush 100 ms, lz4", TimeSpan.FromMilliseconds(100), new Dictionary<string, string> { ["compression.type"] = "lz4" }),
    ];

    /// <summary>Publishes <paramref name="changesPerSecond"/> changes a second for <paramref name="duration"/> through one variant.</summary>
    public static async Task<Result> RunAsync(PipelineEnvironment environment, Variant variant, string runName, double changesPerSecond, TimeSpan duration, int keys)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(variant);
        var options = new KafkaProjectionOptions { BootstrapServers = environment.BootstrapServers, FlushInterval = variant.FlushInterval };
        foreach (var table in OutputTables.All)
        {
            options.Topics[table] = $"{runName}-{OutputTables.DefaultTopic(table)}";
        }

        foreach (var (key, value) in variant.ClientConfig)
        {
            options.ClientConfig[key] = value;
        }

        environment.CreateTopics(options.Topics.Values, 16);
        var count = (int)(changesPerSecond * duration.TotalSeconds);
        var latencies = new double[count];
        var acknowledgements = new Task[count];
        var measurement = Measurement.Start();
        // The same key sequence for every variant.
        var random = new Random(6);
        await using (var projector = new KafkaRowSink(options))
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                var due = TimeSpan.FromSeconds(i / changesPerSecond) - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(due);
                }

                // Rows drawn at random from a bounded key space (plans' current hours), so changes of one row meet in a
                // flush about as often as the flush interval times the rate over the keys.
                var key = random.Next(keys);
                var row = new PlanUsageHourlyRow($"plan-{key % 100}", Start.AddHours(key / 100), i + 1, 1);
                var published = Stopwatch.GetTimestamp();
                var index = i;
                acknowledgements[i] = projector.PublishAsync([new RowChange(row.Table, row.Key, row)])
                    .ContinueWith(_ => latencies[index] = Stopwatch.GetElapsedTime(published).TotalMilliseconds, TaskScheduler.Default);
            }

            await Task.WhenAll(acknowledgements);
        }

        var run = measurement.Stop();
        var records = await CountRecordsAsync(environment, options.Topics[OutputTables.PlanUsageHourly]);
        return new Result(variant, latencies, count, records, run);
    }

    private static async Task<long> CountRecordsAsync(PipelineEnvironment environment, string topic)
    {
        var options = new OrleansPlans.Sink.Postgres.PostgresSinkOptions { BootstrapServers = environment.BootstrapServers };
        options.Topics.Clear();
        options.Topics[OutputTables.PlanUsageHourly] = topic;
        var ends = await OrleansPlans.Sink.Postgres.OutputTopicOffsets.ReadHighWatermarksAsync(options, CancellationToken.None);
        return ends.Values.Sum();
    }
}
