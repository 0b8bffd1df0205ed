using Npgsql;
using OrleansPlans.Postgres.Embedded;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Dashboard.Tests;

/// <summary>
/// A private PostgreSQL server with one database whose analytics schema (<see cref="Seed.Schema"/>, not the default, so
/// the schema setting is exercised) is migrated by the sink's own migrations and filled with <see cref="Seed.Sql"/>.
/// </summary>
public sealed class AnalyticsDatabaseFixture : IAsyncLifetime
{
    private PrivatePostgresCluster? _cluster;

    /// <summary>The seeded database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _cluster = await PrivatePostgresCluster.StartAsync(cancellationToken: cancellationToken);
        ConnectionString = await _cluster.CreateDatabaseAsync("dashboard_tests", cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await AnalyticsSchema.MigrateAsync(dataSource, Seed.Schema, cancellationToken: cancellationToken);
        await using var insert = dataSource.CreateCommand(Seed.Sql(AnalyticsSchema.Quote(Seed.Schema)));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
