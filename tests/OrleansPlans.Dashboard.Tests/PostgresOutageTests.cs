using System.Diagnostics;
using System.Net;
using OrleansPlans.Dashboard.Status;
using OrleansPlans.Operations.Status;
using OrleansPlans.Postgres.Embedded;

namespace OrleansPlans.Dashboard.Tests;

/// <summary>
/// With PostgreSQL actually stopped (a server of this test's own: the assembly's shared one stays up for the others),
/// the analytics reads answer 503 problem details and the status answers 200 naming PostgreSQL unreachable — never 500
/// — and both recover once it is back.
/// </summary>
public sealed class PostgresOutageTests(AnalyticsDatabaseFixture database) : IAsyncLifetime
{
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(30);
    private PrivatePostgresCluster? _server;
    private PrivatePostgresCluster? _restarted;
    private string _connectionString = "";

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _server = await PrivatePostgresCluster.StartAsync(cancellationToken: cancellationToken);
        _connectionString = await _server.CreateDatabaseAsync("outage_tests", cancellationToken);
        await SeededDatabase.FillAsync(_connectionString, cancellationToken);
    }

    [Fact]
    public async Task with_postgresql_stopped_analytics_reads_are_503_and_the_status_says_postgresql_is_unreachable()
    {
        var time = new SteppedTimeProvider(Seed.Now);
        await using var host = await DashboardHost.StartAsync(database, connectionString: _connectionString, time: time, configureStatus: status =>
        {
            status.BootstrapServers = $"127.0.0.1:{LoopbackPorts.Free()}";
            status.Timeout = TimeSpan.FromSeconds(1);
        });

        // Up: both answer, and the status reader's pool now holds a connection the stop will break.
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/api/v1/analytics/plans")).StatusCode);
        Assert.True((await host.GetAsync("/api/v1/status").ReadAsync<PipelineStatus>()).Postgres.Reachable);

        await _server!.StopAsync(TestContext.Current.CancellationToken);
        time.Now += SharedPipelineStatusSource.MaxAge; // not the snapshot read while it was up

        foreach (var url in new[] { "/api/v1/analytics/plans", "/api/v1/analytics/plans/plan-alpha/daily", "/api/v1/analytics/plans/plan-alpha/monthly", "/api/v1/analytics/merges", "/api/v1/analytics/dead-letters" })
        {
            using var response = await host.GetAsync(url);
            var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("PostgreSQL unavailable", problem.GetProperty("title").GetString());
            Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        }

        for (var read = 0; read < 2; read++)
        {
            time.Now += SharedPipelineStatusSource.MaxAge;
            var status = await host.GetAsync("/api/v1/status").ReadAsync<PipelineStatus>();
            Assert.False(status.Postgres.Reachable);
            Assert.False(string.IsNullOrEmpty(status.Postgres.Error));
            Assert.Empty(status.Silos);
            Assert.Null(status.DeadLetters);
        }

        // The same data and port, so the host's connection string finds it again.
        _restarted = await PrivatePostgresCluster.StartAsync(
            new PrivatePostgresClusterOptions { DataDirectory = _server.DataDirectory, Port = _server.Port }, TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();
        HttpStatusCode answer;
        while ((answer = (await host.GetAsync("/api/v1/analytics/plans")).StatusCode) != HttpStatusCode.OK)
        {
            // A pooled connection the stop broke may fail one more read; a new one must then succeed.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer);
            Assert.True(clock.Elapsed < RecoveryDeadline, $"analytics reads still {(int)answer} {RecoveryDeadline} after PostgreSQL restarted");
            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The restarted server first: the original owns the temporary data folder and deletes it when disposed.
        if (_restarted is not null)
        {
            await _restarted.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
