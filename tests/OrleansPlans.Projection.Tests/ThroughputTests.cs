using System.Diagnostics;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Projection.Kafka;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Projection.Tests;

/// <summary>Rough throughput of the projector and the sink on this machine (reported in the test output).</summary>
public sealed class ThroughputTests(PostgresServerFixture postgres, DevBrokerFixture broker)
{
    private const int Rows = 40_000;

    [Fact]
    public async Task forty_thousand_distinct_rows_flow_from_the_projector_into_the_tables_at_thousands_per_second()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var topics = broker.CreateOutputTopics();
        await using var database = await postgres.CreateDataSourceAsync("throughput");
        var options = broker.SinkOptions(topics);
        options.BatchSize = 5_000;
        await AnalyticsSchema.MigrateAsync(database, cancellationToken: cancellation);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var changes = Enumerable.Range(0, Rows)
            .Select(i => (OutputRow)new PlanUsageHourlyRow($"plan-{i % 200}", start.AddHours(i / 200), i + 1, 1))
            .Select(r => new RowChange(r.Table, r.Key, r)).ToList();

        var publishing = Stopwatch.StartNew();
        await using (var projector = new KafkaRowSink(broker.ProjectionOptions(topics)))
        {
            // 32 concurrent publishers of 100-row batches, as many plan grains would.
            await Task.WhenAll(changes.Chunk(100).Chunk(Rows / 100 / 32 + 1).Select(batches => Task.Run(async () =>
            {
                foreach (var batch in batches)
                {
                    await projector.PublishAsync(batch);
                }
            }, cancellation)));
        }

        publishing.Stop();

        var replicating = Stopwatch.StartNew();
        await using var running = RunningSink.Start(database, options);
        await running.Sink.WaitUntilCaughtUpAsync(TimeSpan.FromMinutes(3), cancellation);
        replicating.Stop();

        var projectorRate = Rows / publishing.Elapsed.TotalSeconds;
        var sinkRate = Rows / replicating.Elapsed.TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"projector: {Rows} rows acknowledged in {publishing.Elapsed.TotalSeconds:F1} s ({projectorRate:F0} rows/s); " +
            $"sink: {Rows} rows applied in {replicating.Elapsed.TotalSeconds:F1} s ({sinkRate:F0} rows/s)");
        Assert.Equal(Rows, (await TableReader.ReadAllAsync(database)).Count);
        // Loose floor: the machine is shared; the point is "thousands per second", not a benchmark.
        Assert.True(sinkRate > 1_000, $"The sink applied only {sinkRate:F0} rows/s.");
    }
}
