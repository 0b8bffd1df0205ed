using System.Net;
using System.Text.Json;
using OrleansPlans.Dashboard.Status;
using OrleansPlans.Operations.Status;

namespace OrleansPlans.Dashboard.Tests;

public sealed class StatusEndpointTests(AnalyticsDatabaseFixture database)
{
    [Fact]
    public async Task status_answers_the_sources_snapshot_with_totals_in_camel_case()
    {
        var source = new FixedPipelineStatusSource(FixedPipelineStatusSource.Sample);
        await using var host = await DashboardHost.StartAsync(database, status: source);

        using var response = await host.GetAsync("/api/v1/status");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, source.Reads);
        Assert.True(body.GetProperty("kafka").GetProperty("reachable").GetBoolean());
        Assert.Equal(42, body.GetProperty("totalInputLag").GetInt64());
        Assert.Equal(7, body.GetProperty("totalSinkLag").GetInt64());
        Assert.Equal(3, body.GetProperty("silos").GetArrayLength());
        Assert.Equal("Active", body.GetProperty("silos")[0].GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("deadLetters").GetProperty("count").GetInt64());
        Assert.Equal(0, body.GetProperty("stuckPartitions").GetArrayLength());
    }

    [Fact]
    public async Task status_names_the_partitions_the_host_reports_stuck_with_their_offset()
    {
        var since = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var stuck = new FixedStuckPartitions([new StuckPartition("content-usage", 5, 508, since, 327, "Broker: Message size too large")]);
        await using var host = await DashboardHost.StartAsync(database, status: new FixedPipelineStatusSource(FixedPipelineStatusSource.Sample), stuck: stuck);

        var status = await host.GetAsync("/api/v1/status").ReadAsync<PipelineStatus>();

        var partition = Assert.Single(status.StuckPartitions);
        Assert.Equal(("content-usage", 5, 508L, since, 327), (partition.Topic, partition.Partition, partition.Offset, partition.Since, partition.Failures));
        Assert.Equal("Broker: Message size too large", partition.LastError);
    }

    [Fact]
    public async Task without_a_status_source_the_answer_is_503_saying_what_to_configure()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var problem = await ProblemBody.AssertAsync(await host.GetAsync("/api/v1/status"), HttpStatusCode.ServiceUnavailable);

        Assert.Contains("passed no status options to AddOrleansPlansDashboard", problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_dashboards_own_reader_reports_an_unreachable_kafka_and_reads_postgresql()
    {
        var closedPort = LoopbackPorts.Free();
        await using var host = await DashboardHost.StartAsync(database, configureStatus: status =>
        {
            status.BootstrapServers = $"127.0.0.1:{closedPort}";
            status.Timeout = TimeSpan.FromSeconds(1);
        });

        var status = await host.GetAsync("/api/v1/status").ReadAsync<PipelineStatus>();

        Assert.False(status.Kafka.Reachable);
        Assert.True(status.Postgres.Reachable, status.Postgres.Error);
        Assert.Equal(2, status.DeadLetters?.Count); // the seeded dead_letters rows, read from the configured schema
        Assert.Empty(status.InputLag);
        Assert.Null(status.TotalInputLag); // unknown, not zero
        Assert.Null(status.TotalSinkLag);
    }

    [Fact]
    public async Task concurrent_pollers_share_one_read()
    {
        var reads = 0;
        var gate = new TaskCompletionSource<PipelineStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        var time = new MovableTimeProvider(Seed.Now);
        await using var source = new SharedPipelineStatusSource(_ => { Interlocked.Increment(ref reads); return gate.Task; }, null, time);

        var first = source.ReadAsync(TestContext.Current.CancellationToken);
        var second = source.ReadAsync(TestContext.Current.CancellationToken);
        gate.SetResult(FixedPipelineStatusSource.Sample);

        Assert.Same(await first, await second);
        var cached = await source.ReadAsync(TestContext.Current.CancellationToken);
        time.Advance(SharedPipelineStatusSource.MaxAge);
        await source.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Same(FixedPipelineStatusSource.Sample, cached);
        Assert.Equal(2, reads); // one shared by the concurrent pair and the cached read, one after MaxAge
    }

    [Fact]
    public async Task bad_status_options_are_refused_at_registration_naming_the_option()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => DashboardHost.StartAsync(database, configureStatus: s => s.Timeout = TimeSpan.Zero));

        Assert.Contains("PipelineStatusOptions.BootstrapServers is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("PipelineStatusOptions.Timeout must be from 1 second to 5 minutes", error.Message, StringComparison.Ordinal);
    }

    private sealed class MovableTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
