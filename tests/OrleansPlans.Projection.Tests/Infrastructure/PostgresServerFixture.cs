using Npgsql;
using OrleansPlans.Postgres.Embedded;

namespace OrleansPlans.Projection.Tests;

/// <summary>One private PostgreSQL server for the assembly; each test creates its own database.</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private PrivatePostgresCluster? _cluster;

    /// <summary>A data source on a fresh database named after <paramref name="prefix"/>.</summary>
    public async Task<NpgsqlDataSource> CreateDatabaseAsync(string prefix)
    {
        var cluster = _cluster ?? throw new InvalidOperationException("The PostgreSQL fixture is not started.");
        var name = $"{prefix}_{Guid.NewGuid():N}";
        var connectionString = await cluster.CreateDatabaseAsync(name.Length <= 63 ? name : name[..63], TestContext.Current.CancellationToken);
        return NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc/>
    public async ValueTask InitializeAsync() => _cluster = await PrivatePostgresCluster.StartAsync();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
