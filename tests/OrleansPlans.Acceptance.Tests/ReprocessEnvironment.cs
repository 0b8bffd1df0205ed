using System.Diagnostics;
using Npgsql;
using OrleansPlans.Cli;
using OrleansPlans.DevBroker;
using OrleansPlans.Oracle;
using OrleansPlans.Postgres.Embedded;

namespace OrleansPlans.Acceptance.Tests;

/// <summary>
/// A private dev broker and PostgreSQL cluster with host processes that each run a version of the pipeline with its own
/// sink, all with the host's default names (so the CLI's defaults find them), and the CLI run in-process against them.
/// Disposing kills the host processes first, then stops the rest.
/// </summary>
internal sealed class ReprocessEnvironment : IAsyncDisposable
{
    // The mock keeps only about 5 MB per partition: enough partitions keep every record of this run retained.
    private const int Partitions = 16;

    // Two hosts (one pool each, 30 connections) fit the private cluster's 200 connections beside the test's own.
    private const int HostMaxPoolSize = 30;

    private static readonly TimeSpan HostReadyTimeout = TimeSpan.FromSeconds(120);

    private readonly Dictionary<string, SiloProcess> _hosts = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private DevBrokerCluster? _broker;
    private PrivatePostgresCluster? _postgres;
    private string _connectionString = "";

    private ReprocessEnvironment(string name)
    {
        LogDirectory = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "acceptance-logs", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)])).FullName;
    }

    public string LogDirectory { get; }

    public string BootstrapServers => _broker?.BootstrapServers ?? throw new InvalidOperationException("Not started.");

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>
    /// Starts PostgreSQL and the broker with the contract's topics and the output topics of the versions after the base
    /// (<paramref name="laterVersionSuffixes"/>, such as <c>-v2</c>).
    /// </summary>
    public static async Task<ReprocessEnvironment> StartAsync(string name, IReadOnlyList<string> laterVersionSuffixes, CancellationToken cancellationToken)
    {
        var environment = new ReprocessEnvironment(name);
        try
        {
            environment._broker = DevBrokerCluster.Start(new DevBrokerOptions { DefaultPartitions = Partitions });
            environment._broker.CreateContractTopics(AcceptanceEnvironment.InputPartitions, Partitions);
            // The dev broker has no CreateTopics request, so 'reprocess start' cannot create a version's topics here.
            foreach (var suffix in laterVersionSuffixes)
            {
                environment._broker.CreateOutputTopics(Partitions, suffix);
            }

            environment._postgres = await PrivatePostgresCluster.StartAsync(cancellationToken: cancellationToken);
            environment._connectionString = await environment._postgres.CreateDatabaseAsync("reprocess", cancellationToken);
            environment.DataSource = NpgsqlDataSource.Create(environment._connectionString);
            environment.Note($"broker at {environment.BootstrapServers}, PostgreSQL on port {environment._postgres.Port}, logs in {environment.LogDirectory}");
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    public void Note(string message)
    {
        var line = $"[{_clock.Elapsed:mm\\:ss\\.f}] {message}";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        File.AppendAllText(Path.Combine(LogDirectory, "timings.log"), line + Environment.NewLine);
    }

    /// <summary>Starts a host process running the pipeline with its sink, plus <paramref name="extra"/> settings (e.g. the version).</summary>
    public async Task StartHostAsync(string name, IReadOnlyList<string> extra, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(_connectionString) { MaxPoolSize = HostMaxPoolSize }.ConnectionString;
        var settings = new SiloSettings(BootstrapServers, "orleansplans", connection, "orleansplans", LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free(),
            ["--Sink:Enabled=true", .. extra]);
        var clock = Stopwatch.StartNew();
        _hosts[name] = await SiloProcess.StartAsync(name, settings, LogDirectory, HostReadyTimeout, cancellationToken);
        Note($"{name} ready in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Kills a host process.</summary>
    public async Task StopHostAsync(string name)
    {
        if (_hosts.Remove(name, out var host))
        {
            await host.DisposeAsync();
            Note($"{name} stopped");
        }
    }

    /// <summary>Runs <c>orleansplans</c> in-process against this environment's broker and database.</summary>
    public async Task<(int ExitCode, string Out, string Error)> CliAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(TextWriter.Synchronized(output), TextWriter.Synchronized(error), _ => null, IsInteractive: false);
        string[] where = args.Length > 0 && args[0] == "reprocess" && args[1] == "drop"
            ? ["--connection", _connectionString]
            : ["--bootstrap", BootstrapServers, "--connection", _connectionString];
        var exitCode = await CliApp.RunAsync([.. args, .. where], environment, cancellationToken);
        Note($"orleansplans {string.Join(' ', args)} -> exit {exitCode}\n{output}{error}");
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The tables of <paramref name="schema"/> in one snapshot.</summary>
    public Task<CanonicalTables> ReadTablesAsync(string schema, CancellationToken cancellationToken) =>
        AnalyticsTables.ReadAsync(DataSource, Sink.Postgres.AnalyticsSchema.Quote(schema), cancellationToken);

    /// <summary>Polls <paramref name="schema"/> until it equals <paramref name="expected"/>; the differences when it never does.</summary>
    public async Task<string> WaitUntilEqualAsync(string schema, CanonicalTables expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var differences = expected.DescribeDifferences(await ReadTablesAsync(schema, cancellationToken));
            if (differences.Length == 0)
            {
                Note($"{schema} equals the oracle after {clock.Elapsed.TotalSeconds:F1} s");
                return "";
            }

            if (_hosts.Values.FirstOrDefault(h => h.HasExited) is { } crashed)
            {
                return $"{crashed.Name} exited:\n{crashed.Tail()}";
            }

            if (clock.Elapsed > timeout)
            {
                return $"{schema} differs from the oracle after {timeout}:\n{differences}\n"
                    + string.Concat(_hosts.Values.Select(h => $"\n--- {h.Name} ({h.LogPath}):\n{h.Tail()}"));
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values)
        {
            await host.DisposeAsync();
        }

        _hosts.Clear();
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}
