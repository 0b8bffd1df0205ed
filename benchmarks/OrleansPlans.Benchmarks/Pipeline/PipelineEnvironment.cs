using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrleansPlans.Benchmarks.Workload;
using OrleansPlans.DevBroker;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Input.Kafka;
using OrleansPlans.Postgres.Embedded;
using OrleansPlans.Silo;
using OrleansPlans.Persistence.Postgres.Hosting;
using OrleansPlans.Postgres.Migrations;
using OrleansPlans.Sink.Postgres;
using OrleansPlans.Streaming.Kafka;
using OrleansPlans.Testing;

namespace OrleansPlans.Benchmarks.Pipeline;

/// <summary>
/// The production pipeline, private to one benchmark run: the dev broker with the contract's topics, a private
/// PostgreSQL cluster, <see cref="SiloCount"/> silos composed exactly as the main job composes them
/// (<see cref="OrleansPlansSilo.AddOrleansPlansSilo"/>: Kafka input, PostgreSQL clustering, state and checkpoints,
/// Kafka projection), hosted in this process so its CPU time and memory are measured, and the PostgreSQL sink.
/// </summary>
public sealed class PipelineEnvironment : IAsyncDisposable
{
    /// <summary>Silos of the end-to-end run (issue 6 asks for 2).</summary>
    public const int SiloCount = 2;

    /// <summary>Partitions of the membership and usage topics (<see cref="BenchmarkSettings.InputPartitions"/>; set once at start).</summary>
    public static int InputPartitions { get; set; } = new BenchmarkSettings().InputPartitions;

    /// <summary>Partitions of each output topic (<see cref="BenchmarkSettings.OutputPartitions"/>; set once at start).</summary>
    public static int OutputPartitions { get; set; } = new BenchmarkSettings().OutputPartitions;

    private readonly List<IHost> _silos = [];
    private DevBrokerCluster? _broker;
    private PrivatePostgresCluster? _postgres;
    private NpgsqlDataSource? _dataSource;
    private PostgresTableSink? _sink;
    private CancellationTokenSource? _sinkStop;
    private Task? _sinkRun;
    private string _connectionString = "";

    private PipelineEnvironment()
    {
    }

    /// <summary>
    /// Whether the silos compute <c>plan_usage_monthly</c> (<c>PlanTables:MonthlyUsage</c>, default true); set before
    /// <see cref="StartSilosAndSinkAsync"/>.
    /// </summary>
    public bool MonthlyUsage { get; set; } = true;

    /// <summary>The dev broker's bootstrap address.</summary>
    public string BootstrapServers => _broker?.BootstrapServers ?? throw new InvalidOperationException("Not started.");

    /// <summary>The sink writing the output topics into the analytics tables.</summary>
    public PostgresTableSink Sink => _sink ?? throw new InvalidOperationException("Sink not started.");

    /// <summary>The analytics database.</summary>
    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("Not started.");

    /// <summary>Starts the broker and PostgreSQL (with every schema migrated); silos and sink start later.</summary>
    /// <param name="partitionScale">
    /// Multiplies the input and output partition counts, for backlogs larger than the mock keeps in
    /// <see cref="InputPartitions"/> partitions (it drops a partition's oldest batches beyond about 5 MB).
    /// </param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<PipelineEnvironment> StartAsync(int partitionScale = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionScale, 1);
        var environment = new PipelineEnvironment();
        try
        {
            environment._broker = DevBrokerCluster.Start(new DevBrokerOptions { DefaultPartitions = OutputPartitions * partitionScale });
            environment._broker.CreateContractTopics(InputPartitions * partitionScale, OutputPartitions * partitionScale);
            environment._postgres = await PrivatePostgresCluster.StartAsync(cancellationToken: cancellationToken);
            environment._connectionString = new NpgsqlConnectionStringBuilder(
                await environment._postgres.CreateDatabaseAsync("benchmark", cancellationToken)) { MaxPoolSize = 60 }.ConnectionString;
            // As a host's data source: statements prepared (StatementPreparation); ORLEANSPLANS_MaxAutoPrepare=0 compares without.
            environment._connectionString = Environment.GetEnvironmentVariable("ORLEANSPLANS_MaxAutoPrepare") is { } prepare
                ? new NpgsqlConnectionStringBuilder(environment._connectionString) { MaxAutoPrepare = int.Parse(prepare, System.Globalization.CultureInfo.InvariantCulture) }.ConnectionString
                : StatementPreparation.WithDefault(environment._connectionString);
            await OrleansPostgresSchema.MigrateAsync(environment._connectionString, cancellationToken);
            environment._dataSource = NpgsqlDataSource.Create(environment._connectionString);
            await AnalyticsSchema.MigrateAsync(environment._dataSource, AnalyticsSchema.DefaultSchema, cancellationToken: cancellationToken);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the silos (one after the other, in one Orleans cluster) and the sink; the silos start consuming at once.</summary>
    public async Task StartSilosAndSinkAsync(CancellationToken cancellationToken)
    {
        var clusterId = $"bench-{Guid.NewGuid():N}"[..14];
        var input = new KafkaInputOptions { BootstrapServers = BootstrapServers, ConsumerGroupId = clusterId };
        input.ConsumerConfig[DevBrokerClientSettings.FetchWaitMaxKey] = DevBrokerClientSettings.FetchWaitMax; // see there: the mock broker's fetch

        for (var i = 0; i < SiloCount; i++)
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            // Errors only: the silos warn about client GC mode and watchdog delays on a busy machine, which the figures already show.
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["PlanTables:MonthlyUsage"] = MonthlyUsage ? "true" : "false",
            });
            // ORLEANSPLANS_StateStore__GroupCommit=false and the like: compare host settings without a rebuild.
            builder.Configuration.AddEnvironmentVariables("ORLEANSPLANS_");
            builder.Services.AddSingleton(input);
            var silo = new SiloOptions { ClusterId = clusterId, SiloPort = LoopbackPorts.Free(), GatewayPort = LoopbackPorts.Free() };
            // Each in-process silo stands for a host process: a pool of its own, disposed with it.
            builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(_connectionString));
            builder.AddOrleansPlansSilo(silo, input);
            var host = builder.Build();
            await host.StartAsync(cancellationToken);
            _silos.Add(host);
        }

        _sink = new PostgresTableSink(DataSource, new PostgresSinkOptions { BootstrapServers = BootstrapServers, ConsumerGroupId = $"sink-{clusterId}" });
        _sinkStop = new CancellationTokenSource();
        _sinkRun = Task.Run(() => _sink.RunAsync(_sinkStop.Token), CancellationToken.None);
    }

    /// <summary>
    /// Stops the last silo started, gracefully (its grains deactivate and its queues move to the others), as a rolling
    /// restart or a scale-in would; an in-process silo cannot be killed, the acceptance tests kill real processes.
    /// </summary>
    public async Task StopLastSiloAsync(CancellationToken cancellationToken)
    {
        var silo = _silos[^1];
        _silos.RemoveAt(_silos.Count - 1);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(30));
        await silo.StopAsync(bound.Token);
        silo.Dispose();
    }

    /// <summary>A client of the silos' cluster, from inside the first silo (merge requests, state reads).</summary>
    public IGrainFactory Grains => _silos.Count > 0 ? _silos[0].Services.GetRequiredService<IGrainFactory>() : throw new InvalidOperationException("No silo.");

    /// <summary>Sum of a column over a table of the analytics schema.</summary>
    public Task<long> SumAsync(string table, string column, CancellationToken cancellationToken) =>
        ScalarAsync($"select coalesce(sum({column}), 0)::bigint from {AnalyticsSchema.Quote(AnalyticsSchema.DefaultSchema)}.{table}", cancellationToken);

    /// <summary>Rows of a table of the analytics schema.</summary>
    public Task<long> CountAsync(string table, CancellationToken cancellationToken) =>
        ScalarAsync($"select count(*) from {AnalyticsSchema.Quote(AnalyticsSchema.DefaultSchema)}.{table}", cancellationToken);

    /// <summary>The bigint a query over the analytics database returns.</summary>
    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Creates topics on the dev broker (parts that bring their own topics, such as the sink's).</summary>
    public void CreateTopics(IEnumerable<string> topics, int partitions) =>
        (_broker ?? throw new InvalidOperationException("Not started.")).CreateTopics(topics, partitions);

    /// <summary>
    /// Transactions committed in the pipeline's database so far (<c>pg_stat_database.xact_commit</c>): every grain-state
    /// statement, checkpoint and sink batch is one. PostgreSQL publishes a backend's counts about once a second while it
    /// works (an idle pooled connection may hold back its last second), so a difference over a step is close, not exact.
    /// </summary>
    public Task<long> PostgresTransactionsAsync(CancellationToken cancellationToken) =>
        ScalarAsync("select xact_commit from pg_stat_database where datname = current_database()", cancellationToken);

    /// <summary>CPU time of the PostgreSQL server so far (see <see cref="PostgresCpu"/>).</summary>
    public TimeSpan PostgresCpuTime() => PostgresCpu.Read((_postgres ?? throw new InvalidOperationException("Not started.")).DataDirectory);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Stop consumers before the broker and the database they talk to.
        foreach (var silo in _silos)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await silo.StopAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                // A silo that does not stop in time is abandoned: the process ends after the report anyway.
            }

            silo.Dispose();
        }

        _silos.Clear();
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
}
