using Confluent.Kafka;
using OrleansPlans.Benchmarks.Engine;
using OrleansPlans.Benchmarks.Pipeline;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Sink.Postgres;
using OrleansPlans.Sink.Postgres.Decoding;
using OrleansPlans.Sink.Postgres.Tables;
using OrleansPlans.Sink.Postgres.Writing;

namespace OrleansPlans.Benchmarks.Sink;

/// <summary>
/// Which way of writing a sink batch is cheaper here: the sink's multi-row unnest upserts (<see cref="BatchWriter"/>)
/// or binary COPY into a temp table, then one merge per table (<see cref="CopyMergeWriter"/>). The same decoded,
/// coalesced batches (as the sink builds them, <see cref="BatchSize"/> records each) are written by each strategy
/// into a fresh schema, alternating, and the CPU of this process and of PostgreSQL is counted per strategy; a third
/// run writes with unnest into tables with fillfactor 80 (room for HOT updates).
/// </summary>
public static class WriteStrategyBenchmark
{
    /// <summary>Records per batch (the sink's default <see cref="PostgresSinkOptions.BatchSize"/>).</summary>
    public const int BatchSize = 5_000;

    private const string Copy = "copy";
    private const string FillFactor = "unnest-ff80";
    private static readonly string[] Strategies = ["unnest", Copy, FillFactor];

    /// <summary>One strategy's run.</summary>
    public sealed record Result(string Strategy, RunResult Run, TimeSpan PostgresCpu, int Records, int Rows)
    {
        /// <summary>Records per CPU-second, this process and PostgreSQL together.</summary>
        public double CpuRate => Records / (Run.Cpu + PostgresCpu).TotalSeconds;
    }

    /// <summary>Runs each strategy <paramref name="rounds"/> times, alternating; returns every run in order.</summary>
    public static async Task<IReadOnlyList<Result>> RunAsync(PipelineEnvironment environment, OutputRecordStream stream, int rounds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(stream);
        var batches = Batches(stream);
        var rows = batches.Sum(b => b.RowCount);
        var results = new List<Result>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var strategy in Strategies)
            {
                var schema = $"sink_{strategy.Replace('-', '_')}_{round}";
                await AnalyticsSchema.MigrateAsync(environment.DataSource, schema, cancellationToken: cancellationToken);
                var quoted = AnalyticsSchema.Quote(schema);
                if (strategy == FillFactor)
                {
                    await SetFillFactorAsync(environment, quoted, cancellationToken);
                }

                var offsets = new SinkOffsetStore(quoted, schema);
                var unnest = new BatchWriter(environment.DataSource, quoted, offsets);
                var copy = new CopyMergeWriter(environment.DataSource, quoted, offsets);
                var expected = new Dictionary<TopicPartition, long>();
                var postgresBefore = environment.PostgresCpuTime();
                var measurement = Measurement.Start();
                foreach (var batch in batches)
                {
                    if (strategy != Copy)
                    {
                        if (!await unnest.WriteAsync(batch, expected, cancellationToken))
                        {
                            throw new InvalidOperationException("sink strategies: the offsets moved under the benchmark");
                        }

                        foreach (var (partition, next) in batch.NextOffsets)
                        {
                            expected[partition] = next;
                        }
                    }
                    else
                    {
                        await copy.WriteAsync(batch, cancellationToken);
                    }
                }

                var run = measurement.Stop();
                var postgresCpu = environment.PostgresCpuTime() - postgresBefore;
                await SinkBenchmark.VerifyAsync(environment, schema, stream, cancellationToken);
                results.Add(new Result(strategy, run, postgresCpu, stream.Changes.Count, rows));
            }
        }

        return results;
    }

    // Leaves a fifth of each page free, so that an update whose indexed columns did not change can stay on its page
    // (a HOT update: no new index entries); the content table's seconds column is indexed, so it gains nothing.
    private static async Task SetFillFactorAsync(PipelineEnvironment environment, string quotedSchema, CancellationToken cancellationToken)
    {
        foreach (var table in OutputRecordStream.Tables)
        {
            await using var alter = environment.DataSource.CreateCommand($"alter table {quotedSchema}.{table} set (fillfactor = 80)");
            await alter.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // As the sink's Collect builds them: consecutive records, the latest per row kept, offsets per partition.
    private static List<SinkBatch> Batches(OutputRecordStream stream)
    {
        var partition = new TopicPartition("sink-strategies", 0);
        var batches = new List<SinkBatch>();
        for (var start = 0; start < stream.Changes.Count; start += BatchSize)
        {
            var batch = new SinkBatch();
            for (var i = start; i < Math.Min(start + BatchSize, stream.Changes.Count); i++)
            {
                var change = stream.Changes[i];
                var value = change.Row is null ? null : RowJson.ToUtf8(change.Row);
                var record = RecordDecoder.Decode(SinkTables.ByName[change.Table], System.Text.Encoding.UTF8.GetBytes(change.Key), value, out var error)
                    ?? throw new InvalidOperationException($"sink strategies: a generated record does not decode: {error}");
                batch.Add(partition, i, record);
            }

            batches.Add(batch);
        }

        return batches;
    }
}
