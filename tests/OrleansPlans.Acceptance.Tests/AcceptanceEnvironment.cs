using System.Diagnostics;
using Npgsql;
using OrleansPlans.DevBroker;
using OrleansPlans.Oracle;
using OrleansPlans.Postgres.Embedded;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Acceptance.Tests;

/// <summary>
/// Everything one acceptance run needs, private to it: a dev broker with the contract's topics, a private PostgreSQL
/// cluster, silo processes of OrleansPlans.Host sharing one Orleans cluster in that database, and the PostgreSQL sink
/// (run here, so the test can wait on it). Disposing kills the silo processes first, then stops the rest.
/// </summary>
internal sealed class AcceptanceEnvironment : IAsyncDisposable
{
    /// <summary>Partitions of the membership and usage topics (the generator's <c>Partitions</c> must match).</summary>
    public const int InputPartitions = 8;

    // The mock keeps only about 5 MB per partition: more partitions keep the output topics' whole history.
    private const int OutputPartitions = 16;

    private const int SiloMaxPoolSize = 50;

    private static readonly TimeSpan SiloReadyTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan PortReleaseTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProgressNoteInterval = TimeSpan.FromSeconds(20);

    // Longer than the silos' stream delivery retries, so "settled" means nothing more is coming.
    private static readonly TimeSpan SettledAfter = TimeSpan.FromSeconds(90);

    private readonly Dictionary<string, SiloSettings> _settings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SiloProcess> _running = new(StringComparer.Ordinal);
    private readonly string _runId;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private DevBrokerCluster? _broker;
    private PrivatePostgresCluster? _postgres;
    private NpgsqlDataSource? _dataSource;
    private string _connectionString = "";
    private PostgresTableSink? _sink;
    private CancellationTokenSource? _sinkStop;
    private Task? _sinkRun;

    private AcceptanceEnvironment(string name)
    {
        _runId = $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];
        LogDirectory = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "acceptance-logs", _runId)).FullName;
    }

    /// <summary>Where the silo processes' logs and the timings of this run are written.</summary>
    public string LogDirectory { get; }

    /// <summary>The dev broker's bootstrap address.</summary>
    public string BootstrapServers => Broker.BootstrapServers;

    // Npgsql's default pool (100) per silo process would let two silos fill the private cluster's max_connections (200)
    // ("53300: too many clients" on grain writes); a deployment sizes pools to fit, and so does the test.
    private string SiloConnectionString => new NpgsqlConnectionStringBuilder(_connectionString) { MaxPoolSize = SiloMaxPoolSize }.ConnectionString;

    private DevBrokerCluster Broker => _broker ?? throw new InvalidOperationException("Not started.");

    private PostgresTableSink Sink => _sink ?? throw new InvalidOperationException("Not started.");

    private NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("Not started.");

    /// <summary>Starts the broker, PostgreSQL, the silos (one after the other: the first applies the migrations) and the sink.</summary>
    public static async Task<AcceptanceEnvironment> StartAsync(string name, IReadOnlyList<string> silos, CancellationToken cancellationToken)
    {
        var environment = new AcceptanceEnvironment(name);
        try
        {
            await environment.StartAsync(silos, cancellationToken);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes a timestamped line to the test output and to <c>timings.log</c>.</summary>
    public void Note(string message)
    {
        var line = $"[{_clock.Elapsed:mm\\:ss\\.f}] {message}";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        File.AppendAllText(Path.Combine(LogDirectory, "timings.log"), line + Environment.NewLine);
    }

    /// <summary>Kills a silo's process tree (no graceful stop).</summary>
    public async Task KillSiloAsync(string silo)
    {
        if (_running.Remove(silo, out var process))
        {
            await process.KillAsync();
            await process.DisposeAsync();
            Note($"{silo} killed");
        }
    }

    /// <summary>Starts a killed silo again with the same ports and cluster, once the old process's ports are free.</summary>
    public async Task RestartSiloAsync(string silo, CancellationToken cancellationToken)
    {
        await LoopbackPorts.WaitUntilFreeAsync(_settings[silo].Ports.ToList(), PortReleaseTimeout, cancellationToken);
        await StartSiloAsync(silo, cancellationToken);
    }

    /// <summary>Polls the output topics until at least <paramref name="records"/> were projected (so a kill lands mid-stream); returns the count.</summary>
    public async Task<long> WaitUntilOutputAtLeastAsync(long records, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var poll = new PeriodicTimer(PollInterval);
        while (true)
        {
            var produced = (await Sink.ReadHighWatermarksAsync(cancellationToken)).Values.Sum();
            if (produced >= records)
            {
                return produced;
            }

            EnsureSilosRunning();
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Only {produced} of {records} output records within {timeout}.{SiloTails()}");
            }

            await poll.WaitForNextTickAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Caught up and compared: repeatedly takes the output topics' high watermarks, waits until the sink applied them,
    /// and compares the tables with <paramref name="expected"/>. Returns "" once equal, or the last differences when
    /// <paramref name="timeout"/> passed.
    /// </summary>
    public async Task<string> WaitUntilTablesEqualAsync(CanonicalTables expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var nextProgressNote = ProgressNoteInterval;
        var (lastOutput, lastOutputChange) = (-1L, TimeSpan.Zero);
        using var poll = new PeriodicTimer(PollInterval);
        while (true)
        {
            EnsureSilosRunning();
            var ends = await Sink.ReadHighWatermarksAsync(cancellationToken);
            var left = timeout - clock.Elapsed;
            try
            {
                await Sink.WaitUntilCaughtUpAsync(ends, left > TimeSpan.Zero ? left : TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (TimeoutException lagging)
            {
                return $"{lagging.Message}\n{expected.DescribeDifferences(await ReadTablesAsync(cancellationToken))}{SiloTails()}";
            }

            var differences = expected.DescribeDifferences(await ReadTablesAsync(cancellationToken));
            if (differences.Length == 0)
            {
                Note($"tables equal the oracle {clock.Elapsed.TotalSeconds:F1} s after the input was produced ({ends.Values.Sum()} output records)");
                return "";
            }

            var output = ends.Values.Sum();
            if (output != lastOutput)
            {
                (lastOutput, lastOutputChange) = (output, clock.Elapsed);
            }

            var settled = clock.Elapsed - lastOutputChange > SettledAfter;
            if (settled || clock.Elapsed > timeout)
            {
                var why = settled ? $"no new output record for {SettledAfter}" : $"not equal after {timeout}";
                Note($"gave up: {why}");
                return $"Tables differ from the oracle ({why}; output records: {output}):\n{differences}\n" +
                    $"{await DescribeUnexpectedDeadLettersAsync(expected, cancellationToken)}{SiloTails()}";
            }

            if (clock.Elapsed >= nextProgressNote)
            {
                nextProgressNote += ProgressNoteInterval;
                Note($"catching up: {ends.Values.Sum()} output records, {differences[..differences.IndexOf('\n', StringComparison.Ordinal)]}");
            }

            await poll.WaitForNextTickAsync(cancellationToken);
        }
    }

    /// <summary>The reasons of dead letters the oracle does not expect (only positions are compared, so say why they exist).</summary>
    public async Task<string> DescribeUnexpectedDeadLettersAsync(CanonicalTables expected, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(
            $"select source_topic, source_partition, source_offset, reason from {AnalyticsSchema.Quote(AnalyticsSchema.DefaultSchema)}.dead_letters");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = Oracle.RowFormat.DeadLetterKey(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2));
            if (!expected[TableNames.DeadLetters].ContainsKey(key))
            {
                lines.Add($"  unexpected dead letter [{key}]: {reader.GetString(3)}");
            }
        }

        return string.Join('\n', lines.Take(20));
    }

    /// <summary>The analytics tables as they are now.</summary>
    public Task<CanonicalTables> ReadTablesAsync(CancellationToken cancellationToken) =>
        AnalyticsTables.ReadAsync(DataSource, AnalyticsSchema.Quote(AnalyticsSchema.DefaultSchema), cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Children first, even when the test failed: they must never outlive the run.
        foreach (var silo in _running.Values)
        {
            await silo.DisposeAsync();
        }

        _running.Clear();
        if (_sinkStop is not null)
        {
            await _sinkStop.CancelAsync();
            await (_sinkRun ?? Task.CompletedTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _sinkStop.Dispose();
        }

        _sink?.Dispose();
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
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

    /// <summary>The cluster the silo processes form (for a client to join).</summary>
    public (string ConnectionString, string ClusterId) Cluster => (SiloConnectionString, $"cluster-{_runId}");

    /// <summary>The HTTP API and probes of a silo process.</summary>
    public Uri HttpBase(string silo) => _settings[silo].HttpBase;

    private async Task StartAsync(IReadOnlyList<string> silos, CancellationToken cancellationToken)
    {
        _broker = DevBrokerCluster.Start(new DevBrokerOptions { DefaultPartitions = OutputPartitions });
        _broker.CreateContractTopics(InputPartitions, OutputPartitions);
        _postgres = await PrivatePostgresCluster.StartAsync(cancellationToken: cancellationToken);
        _connectionString = await _postgres.CreateDatabaseAsync("acceptance", cancellationToken);
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        Note($"broker at {BootstrapServers}, PostgreSQL on port {_postgres.Port}, logs in {LogDirectory}");

        foreach (var silo in silos)
        {
            _settings[silo] = new SiloSettings(BootstrapServers, $"group-{_runId}", SiloConnectionString, $"cluster-{_runId}", LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());
            await StartSiloAsync(silo, cancellationToken);
        }

        // After the first silo applied the migrations; the sink's own migration step is then a no-op.
        _sink = new PostgresTableSink(DataSource, new PostgresSinkOptions { BootstrapServers = BootstrapServers, ConsumerGroupId = $"sink-{_runId}" });
        _sinkStop = new CancellationTokenSource();
        _sinkRun = Task.Run(() => _sink.RunAsync(_sinkStop.Token), CancellationToken.None);
    }

    private async Task StartSiloAsync(string silo, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        _running[silo] = await SiloProcess.StartAsync(silo, _settings[silo], LogDirectory, SiloReadyTimeout, cancellationToken);
        Note($"{silo} ready in {clock.Elapsed.TotalSeconds:F1} s (ports {string.Join('/', _settings[silo].Ports)})");
    }

    private void EnsureSilosRunning()
    {
        if (_running.Values.FirstOrDefault(s => s.HasExited) is { } crashed)
        {
            throw new InvalidOperationException($"Silo {crashed.Name} exited on its own. Last output:\n{crashed.Tail()}");
        }
    }

    private string SiloTails() =>
        string.Concat(_running.Values.Select(s => $"\n--- last output of {s.Name} (whole log: {s.LogPath}):\n{s.Tail()}"));
}
