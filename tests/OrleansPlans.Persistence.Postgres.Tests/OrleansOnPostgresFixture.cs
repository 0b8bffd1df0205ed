using Npgsql;
using Orleans.TestingHost;
using OrleansPlans.Persistence.Postgres.Hosting;

namespace OrleansPlans.Persistence.Postgres.Tests;

/// <summary>A 2-silo Orleans test cluster whose membership, grain state and reminders live in its own database.</summary>
public sealed class OrleansOnPostgresFixture(PostgresServerFixture server) : IAsyncLifetime
{
    private TestCluster? _cluster;
    private NpgsqlDataSource? _dataSource;

    /// <summary>The running test cluster.</summary>
    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The test cluster is not deployed.");

    /// <summary>The cluster's database, for checking rows directly.</summary>
    public NpgsqlDataSource Database => _dataSource ?? throw new InvalidOperationException("The test cluster is not deployed.");

    /// <summary>The service provider of one of the silos.</summary>
    public IServiceProvider SiloServices => Cluster.GetSiloServiceProvider();

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        var connectionString = await server.CreateDatabaseAsync("orleans_cluster");
        _dataSource = NpgsqlDataSource.Create(connectionString);

        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[$"ConnectionStrings:{PostgresSiloBuilderExtensions.DefaultConnectionStringName}"] = connectionString;
        builder.AddSiloBuilderConfigurator<PostgresSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PostgresClientConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
