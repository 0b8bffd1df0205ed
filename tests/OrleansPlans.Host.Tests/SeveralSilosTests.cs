using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using OrleansPlans.Host.Postgres;

namespace OrleansPlans.Host.Tests;

/// <summary>
/// Two host processes as <c>./run.sh --silos 2</c> starts them: the first with the dev broker, the embedded PostgreSQL
/// and the sink; the second joining it (<c>Dev:Join=true</c>) with its own ports. Both silos join one cluster, only the
/// first runs a sink, and both size their one pool to share the server. Ports are chosen free, files live in a folder of
/// the test's own.
/// </summary>
public sealed class SeveralSilosTests : IAsyncLifetime
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "several-silos-" + Guid.NewGuid().ToString("N")[..8])).FullName;
    private HostProcess? _first;
    private HostProcess? _second;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task a_second_host_joins_the_first_ones_broker_and_database_and_only_the_first_runs_the_sink()
    {
        var (brokerBase, postgresPort) = (LoopbackPorts.FreeConsecutive(3), LoopbackPorts.Free());
        _first = await HostProcess.StartAsync(_folder,
            [$"--Kafka:DevBrokerBasePort={brokerBase}", $"--Postgres:Port={postgresPort}", "--Demo:Enabled=false", .. OwnPorts(out var firstHttp)], ReadyTimeout);
        _second = await HostProcess.StartAsync(_folder, ["--Dev:Join=true", .. OwnPorts(out var secondHttp)], ReadyTimeout);

        // The second used the first's broker and server, from the files the first wrote in the folder.
        Assert.Contains("Joining the dev run at 127.0.0.1:" + brokerBase, _second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Dev broker (Kafka protocol) at", _second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("PostgreSQL (embedded) at", _second.Output, StringComparison.Ordinal);
        var connectionString = await File.ReadAllTextAsync(Path.Combine(_folder, ".data/dev-postgres/connection.txt"), TestContext.Current.CancellationToken);
        await using var database = NpgsqlDataSource.Create(connectionString.Trim());

        // Both silos are active in one cluster, as the joined host's own status reads it.
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{secondHttp}") };
        var active = 0;
        await Eventually.HoldsAsync(async () =>
        {
            var status = JsonDocument.Parse(await http.GetStringAsync("/api/v1/status", TestContext.Current.CancellationToken)).RootElement;
            active = status.GetProperty("silos").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Active");
            return active == 2 && status.GetProperty("postgres").GetProperty("reachable").GetBoolean();
        }, Deadline, () => $"{active} active silos");

        // One sink: the only process whose connections say it runs the sink is the first host.
        List<string> sinks = [];
        await Eventually.HoldsAsync(async () =>
        {
            sinks = await SinkProcessesAsync(database);
            return sinks.SequenceEqual([$"OrleansPlans.Host pid {_first.Id} (sink)"]);
        }, Deadline, () => $"sink connections from [{string.Join(", ", sinks)}]");

        // Each host's one pool sized to share the server: a quarter of its connections, in both hosts.
        await using var command = database.CreateCommand("select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int");
        var poolLine = $"PostgreSQL pool: at most {PoolSizing.Quarter((int)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!)} connections";
        Assert.Contains(poolLine, _first.Output, StringComparison.Ordinal);
        Assert.Contains(poolLine, _second.Output, StringComparison.Ordinal);
        Assert.NotEqual(firstHttp, secondHttp);
    }

    public async ValueTask DisposeAsync()
    {
        // The joined host first: the first owns the server it uses.
        foreach (var host in new[] { _second, _first })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        // Should the first host not have stopped its server (killed after the timeout), stop it here: it is this test's.
        var pidFile = Path.Combine(_folder, ".data/postgres/postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out var postmaster))
        {
            using var stop = Process.Start("kill", ["-TERM", postmaster.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await stop.WaitForExitAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A server still shutting down may hold a file a moment longer; the folder is under the test's bin.
        }
    }

    private static async Task<List<string>> SinkProcessesAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("select distinct application_name from pg_stat_activity where application_name like 'OrleansPlans.Host pid % (sink)' order by 1");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static string[] OwnPorts(out int http)
    {
        http = LoopbackPorts.Free();
        return [$"--Orleans:SiloPort={LoopbackPorts.Free()}", $"--Orleans:GatewayPort={LoopbackPorts.Free()}", $"--Urls=http://127.0.0.1:{http}"];
    }
}
