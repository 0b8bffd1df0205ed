using Confluent.Kafka;
using OrleansPlans.Benchmarks.Engine;
using OrleansPlans.Benchmarks.Pipeline;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Benchmarks.Sink;

/// <summary>
/// The PostgreSQL sink alone (issue 10, item 5): an <see cref="OutputRecordStream"/> is produced to topics of its own,
/// then a sink starts on a schema of its own and the clock runs until it has applied every record. CPU is counted in
/// this process (the sink; nothing else runs meanwhile) and in the PostgreSQL server, since a write strategy can move
/// work from one to the other. The tables are checked against the stream's expected last state before reporting.
/// </summary>
public static class SinkBenchmark
{
    private const int Partitions = 8;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>What one sink run measured.</summary>
    /// <param name="Run">Wall and process CPU time from starting the sink until it applied every record.</param>
    /// <param name="PostgresCpu">CPU time of the PostgreSQL server over the same span.</param>
    /// <param name="Records">Records applied.</param>
    /// <param name="Topics">The topics the records were produced to.</param>
    public sealed record Result(RunResult Run, TimeSpan PostgresCpu, int Records, IReadOnlyCollection<string> Topics)
    {
        /// <summary>Records per second of CPU, this process and PostgreSQL together.</summary>
        public double CpuRate => Records / (Run.Cpu + PostgresCpu).TotalSeconds;
    }

    /// <summary>
    /// Produces <paramref name="stream"/> once, then times <paramref name="rounds"/> fresh sinks (each its own schema and
    /// group) applying all of it; the first round also pays for loading and compiling the sink's code in this process.
    /// </summary>
    public static async Task<IReadOnlyList<Result>> RunAsync(
        PipelineEnvironment environment, OutputRecordStream stream, string runName, int rounds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(stream);
        var topics = OutputTables.All.ToDictionary(t => t, t => $"{runName.Replace('_', '-')}-{OutputTables.DefaultTopic(t)}", StringComparer.Ordinal);
        environment.CreateTopics(topics.Values, Partitions);
        Produce(environment.BootstrapServers, topics, stream);
        var results = new List<Result>();
        for (var round = 0; round < rounds; round++)
        {
            results.Add(await ApplyAsync(environment, stream, topics, $"{runName}_{round}", cancellationToken));
        }

        return results;
    }

    private static async Task<Result> ApplyAsync(
        PipelineEnvironment environment, OutputRecordStream stream, IReadOnlyDictionary<string, string> topics, string schema, CancellationToken cancellationToken)
    {
        var options = new PostgresSinkOptions
        {
            BootstrapServers = environment.BootstrapServers, Schema = schema, ConsumerGroupId = schema, ApplyMigrationsOnStart = false,
        };
        foreach (var (table, topic) in topics)
        {
            options.Topics[table] = topic;
        }

        await AnalyticsSchema.MigrateAsync(environment.DataSource, schema, cancellationToken: cancellationToken);
        var ends = await OutputTopicOffsets.ReadHighWatermarksAsync(options, cancellationToken);

        var postgresBefore = environment.PostgresCpuTime();
        var measurement = Measurement.Start();
        using var sink = new PostgresTableSink(environment.DataSource, options);
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => sink.RunAsync(stop.Token), CancellationToken.None);
        await sink.WaitUntilCaughtUpAsync(ends, Timeout, cancellationToken);
        var run = measurement.Stop();
        var postgresCpu = environment.PostgresCpuTime() - postgresBefore;
        await stop.CancelAsync();
        await running;

        await VerifyAsync(environment, schema, stream, cancellationToken);
        return new Result(run, postgresCpu, stream.Changes.Count, topics.Values.ToList());
    }

    private static void Produce(string bootstrapServers, IReadOnlyDictionary<string, string> topics, OutputRecordStream stream)
    {
        using var producer = new ProducerBuilder<string, byte[]>(RecordProducer.Config(bootstrapServers, lingerMs: 5)).Build();
        Error? failure = null;
        foreach (var change in stream.Changes)
        {
            var message = new Message<string, byte[]> { Key = change.Key, Value = change.Row is null ? null! : RowJson.ToUtf8(change.Row) };
            while (true)
            {
                try
                {
                    producer.Produce(topics[change.Table], message, report => failure ??= report.Error.IsError ? report.Error : null);
                    break;
                }
                catch (ProduceException<string, byte[]> full) when (full.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }

        if (producer.Flush(TimeSpan.FromMinutes(2)) > 0 || failure is not null)
        {
            throw new InvalidOperationException($"sink: producing the output records failed: {failure?.Reason ?? "not all acknowledged in time"}");
        }
    }

    /// <summary>Checks that <paramref name="schema"/> holds exactly the last state of every row of <paramref name="stream"/>.</summary>
    internal static async Task VerifyAsync(PipelineEnvironment environment, string schema, OutputRecordStream stream, CancellationToken cancellationToken)
    {
        foreach (var table in OutputRecordStream.Tables)
        {
            var rows = await environment.ScalarAsync($"select count(*) from {AnalyticsSchema.Quote(schema)}.{table}", cancellationToken);
            var expected = stream.RowCounts.GetValueOrDefault(table);
            if (rows != expected)
            {
                throw new InvalidOperationException($"sink: {schema}.{table} holds {rows} rows, expected {expected}");
            }
        }

        var seconds = await environment.ScalarAsync($"select coalesce(sum(seconds), 0)::bigint from {AnalyticsSchema.Quote(schema)}.{OutputTables.PlanUsageHourly}", cancellationToken);
        if (seconds != stream.HourlySeconds)
        {
            throw new InvalidOperationException($"sink: {schema}.plan_usage_hourly sums to {seconds} seconds, expected {stream.HourlySeconds} (a row's last record did not win)");
        }
    }
}
