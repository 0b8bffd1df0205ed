using OrleansPlans.Postgres.Embedded;

namespace OrleansPlans.Persistence.Postgres.Tests;

/// <summary>One private PostgreSQL server for the whole test assembly; each test class or test takes its own database.</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private PrivatePostgresCluster? _cluster;

    /// <summary>The running server.</summary>
    public PrivatePostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The PostgreSQL fixture is not started.");

    /// <summary>Creates a fresh database named <paramref name="prefix"/> plus a unique suffix.</summary>
    public Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        return Cluster.CreateDatabaseAsync(name.Length <= 63 ? name : name[..63], TestContext.Current.CancellationToken);
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
