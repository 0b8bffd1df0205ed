using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using OrleansPlans.Benchmarks.Workload;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Benchmarks.Pipeline;

/// <summary>
/// Produces usage records at a paced rate and times each one to its row update in an output topic. Each paced record
/// names a content id of its own (<c>{tag}-N</c>), so its <c>plan_content_usage</c> row key (<c>plan|{tag}-N</c>)
/// identifies it; N's produce time is kept in memory and subtracted on arrival. With a lag limit, the run stops
/// producing as soon as a record has waited longer than the limit (the pipeline no longer keeps up), which bounds
/// the backlog a failed step leaves behind.
/// </summary>
public static class PacedRun
{
    // After every generated membership began (day 0-5) and before any removal (day 20+): every paced record is attributed.
    private static readonly DateTimeOffset EventTime = new(2026, 3, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(60);
    private const int WarmUpRecords = 10;

    /// <summary>What one paced run saw.</summary>
    /// <param name="LatenciesMs">Produce-to-output latency of every record that arrived, in milliseconds.</param>
    /// <param name="Produced">Records produced (fewer than planned when the lag limit stopped the run).</param>
    /// <param name="RatePerSecond">The paced rate.</param>
    /// <param name="LagExceeded">A record waited longer than the lag limit (or never arrived within the drain time).</param>
    /// <param name="Cpu">CPU time of this process (silos, broker, producer and the timing consumer) from the first send to the end of the drain.</param>
    /// <param name="ServerCpu">CPU time of the PostgreSQL server over the same span (zero when not counted).</param>
    /// <param name="GcPause">Time this process was paused for garbage collection over the same span (its silos stop too).</param>
    /// <param name="DevBrokerCpu">The part of <paramref name="Cpu"/> spent by the dev broker's threads (librdkafka's mock cluster).</param>
    /// <param name="KafkaClientCpu">The part of <paramref name="Cpu"/> spent by the librdkafka threads of every client in this process.</param>
    /// <param name="PostgresTransactions">Transactions committed in the pipeline's database over the same span (zero when not counted).</param>
    /// <param name="ProducedAtMs">For each of <paramref name="LatenciesMs"/>, when its record was produced, in milliseconds from the first send.</param>
    public sealed record Result(
        double[] LatenciesMs, int Produced, double RatePerSecond, bool LagExceeded, TimeSpan Cpu = default, TimeSpan ServerCpu = default,
        TimeSpan GcPause = default, TimeSpan DevBrokerCpu = default, TimeSpan KafkaClientCpu = default, long PostgresTransactions = 0,
        double[]? ProducedAtMs = null)
    {
        /// <summary>When the records slower than <paramref name="thresholdMs"/> were produced (<see cref="SlowRecordSpans"/>).</summary>
        public string SlowSpans(double thresholdMs) => SlowRecordSpans.Describe(ProducedAtMs ?? [], ProducedAtMs is null ? [] : LatenciesMs, thresholdMs);

        /// <summary>Records produced per CPU-second of this process and the PostgreSQL server together.</summary>
        public double CpuRate => Produced / (Cpu + ServerCpu).TotalSeconds;

        /// <summary>The <paramref name="percentile"/> (0-100) of the latencies, nearest rank.</summary>
        public double Percentile(double percentile)
        {
            var sorted = LatenciesMs.Order().ToArray();
            var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
            return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }

        /// <summary>The largest latency seen, in milliseconds.</summary>
        public double MaxMs => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs.Max();
    }

    /// <summary>
    /// Produces records for <paramref name="users"/> at <paramref name="ratePerSecond"/> for <paramref name="duration"/>, then waits
    /// up to <paramref name="drain"/> for the rest to arrive.
    /// </summary>
    /// <param name="tag">Names this run's content ids; unique per run on one environment.</param>
    /// <param name="lagLimit">Stop producing once a record waited longer than this; null to produce the whole schedule.</param>
    public static async Task<Result> RunAsync(
        string bootstrapServers, IReadOnlyList<string> users, string tag, double ratePerSecond, TimeSpan duration, TimeSpan? lagLimit, TimeSpan drain,
        CancellationToken cancellationToken, Func<TimeSpan>? serverCpu = null, Func<CancellationToken, Task<long>>? serverTransactions = null)
    {
        ArgumentNullException.ThrowIfNull(users);
        var prefix = tag + "-";
        var count = Math.Max(10, (int)(ratePerSecond * duration.TotalSeconds));
        var producedAt = new long[count];
        var arrivedAt = new long[count];
        var warmPrefix = tag + "w-";
        var warmArrivedAt = new long[WarmUpRecords];
        using var consumer = OutputConsumer(bootstrapServers);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var consuming = Task.Factory.StartNew(() => Consume(consumer, [(prefix, arrivedAt), (warmPrefix, warmArrivedAt)], stop.Token), TaskCreationOptions.LongRunning);
        var oldest = 0;
        var produced = 0;
        var exceeded = false;

        using var producer = new ProducerBuilder<string, byte[]>(RecordProducer.Config(bootstrapServers, lingerMs: 0)).Build();
        await WarmUpAsync(producer, users, tag, warmPrefix, warmArrivedAt, cancellationToken);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        var kafkaBefore = KafkaThreadCpu.Read();
        var serverBefore = serverCpu?.Invoke() ?? TimeSpan.Zero;
        var transactionsBefore = serverTransactions is null ? 0 : await serverTransactions(cancellationToken);
        var start = Stopwatch.GetTimestamp();
        var checkedAt = start;
        for (; produced < count; produced++)
        {
            // Paced against the schedule, not the previous send, so a slow send does not lower the rate.
            var due = TimeSpan.FromSeconds(produced / ratePerSecond) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due, cancellationToken);
            }

            if (lagLimit is { } limit && Stopwatch.GetElapsedTime(checkedAt) >= CheckEvery)
            {
                checkedAt = Stopwatch.GetTimestamp();
                oldest = OldestWaiting(arrivedAt, oldest, produced);
                if (oldest < produced && Stopwatch.GetElapsedTime(producedAt[oldest]) > limit)
                {
                    exceeded = true;
                    break;
                }
            }

            var usage = new UsageEvent($"{tag}-e-{produced}", users[produced % users.Count], prefix + produced.ToString(CultureInfo.InvariantCulture), 60,
                EventTime.AddSeconds(produced % 3600));
            producedAt[produced] = Stopwatch.GetTimestamp();
            RecordProducer.Produce(producer, ContractRecords.Usage(usage), _ => { });
        }

        producer.Flush(TimeSpan.FromSeconds(30));

        var draining = Stopwatch.StartNew();
        while (OldestWaiting(arrivedAt, oldest, produced) is var waiting && waiting < produced && draining.Elapsed < drain)
        {
            oldest = waiting;
            await Task.Delay(50, cancellationToken);
        }

        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var kafka = KafkaThreadCpu.Read();
        var server = (serverCpu?.Invoke() ?? TimeSpan.Zero) - serverBefore;
        var transactions = serverTransactions is null ? 0 : await serverTransactions(cancellationToken) - transactionsBefore;
        await stop.CancelAsync();
        await consuming;
        var arrived = Enumerable.Range(0, produced).Where(i => Volatile.Read(ref arrivedAt[i]) != 0).ToArray();
        var latencies = Array.ConvertAll(arrived, i => Stopwatch.GetElapsedTime(producedAt[i], arrivedAt[i]).TotalMilliseconds);
        var producedAtMs = Array.ConvertAll(arrived, i => Stopwatch.GetElapsedTime(producedAt[0], producedAt[i]).TotalMilliseconds);
        exceeded |= latencies.Length < produced || (lagLimit is { } lag && latencies.Any(l => l > lag.TotalMilliseconds));
        return new Result(latencies, produced, ratePerSecond, exceeded, cpu, server, GC.GetTotalPauseDuration() - pauseBefore,
            kafka.DevBroker - kafkaBefore.DevBroker, kafka.Clients - kafkaBefore.Clients, transactions, producedAtMs);
    }

    // The first record not yet arrived, scanning on from the last answer (arrivals only ever fill in).
    private static int OldestWaiting(long[] arrivedAt, int from, int produced)
    {
        while (from < produced && Volatile.Read(ref arrivedAt[from]) != 0)
        {
            from++;
        }

        return from;
    }

    private static IConsumer<string, byte[]> OutputConsumer(string bootstrapServers)
    {
        var topic = OutputTables.DefaultTopic(OutputTables.PlanContentUsage);
        var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers, GroupId = $"paced-{Guid.NewGuid():N}", EnableAutoCommit = false, FetchWaitMaxMs = 5,
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

    private static void Consume(IConsumer<string, byte[]> consumer, (string Prefix, long[] ArrivedAt)[] trackers, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(20))?.Message?.Key is not { } key)
            {
                continue;
            }

            foreach (var (prefix, arrivedAt) in trackers)
            {
                var at = key.IndexOf("|" + prefix, StringComparison.Ordinal);
                if (at >= 0 && int.TryParse(key.AsSpan(at + 1 + prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    && n < arrivedAt.Length && Volatile.Read(ref arrivedAt[n]) == 0)
                {
                    Volatile.Write(ref arrivedAt[n], Stopwatch.GetTimestamp());
                }
            }
        }
    }

    // A new producer's first records wait for its broker connections and producer id (about 100 ms on the dev broker),
    // and a new consumer's first fetches for its own: costs of the timing clients, not of the pipeline. A few records
    // through the whole path before the clock starts pay them.
    private static async Task WarmUpAsync(
        IProducer<string, byte[]> producer, IReadOnlyList<string> users, string tag, string warmPrefix, long[] warmArrivedAt, CancellationToken cancellationToken)
    {
        for (var i = 0; i < warmArrivedAt.Length; i++)
        {
            var usage = new UsageEvent($"{tag}-w-e-{i}", users[i % users.Count], warmPrefix + i.ToString(CultureInfo.InvariantCulture), 60, EventTime);
            RecordProducer.Produce(producer, ContractRecords.Usage(usage), _ => { });
        }

        var waiting = Stopwatch.StartNew();
        while (OldestWaiting(warmArrivedAt, 0, warmArrivedAt.Length) < warmArrivedAt.Length)
        {
            if (waiting.Elapsed > WarmUpLimit)
            {
                throw new TimeoutException($"paced run '{tag}': the {warmArrivedAt.Length} warm-up records did not reach the output topic within {WarmUpLimit}");
            }

            await Task.Delay(20, cancellationToken);
        }
    }
}
