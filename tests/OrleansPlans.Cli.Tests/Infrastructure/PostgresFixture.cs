using OrleansPlans.Postgres.Embedded;

namespace OrleansPlans.Cli.Tests;

/// <summary>One private PostgreSQL server for the test assembly; each test creates its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PrivatePostgresCluster? _cluster;

    /// <summary>A fresh database named after <paramref name="prefix"/>; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var cluster = _cluster ?? throw new InvalidOperationException("The PostgreSQL fixture is not started.");
        var name = $"{prefix}_{Guid.NewGuid():N}";
        return await cluster.CreateDatabaseAsync(name.Length <= 63 ? name : name[..63], TestContext.Current.CancellationToken);
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
