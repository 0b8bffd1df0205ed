using Npgsql;
using OrleansPlans.Postgres.Embedded;

namespace OrleansPlans.Testing;

/// <summary>
/// One private PostgreSQL server for a test assembly (<c>[assembly: AssemblyFixture(typeof(PostgresServerFixture))]</c>);
/// each test or test class takes a fresh database of its own, so tests never see each other's rows.
/// </summary>
public class PostgresServerFixture : IAsyncLifetime
{
    // PostgreSQL truncates longer identifiers; the name must stay what CreateDatabaseAsync validates.
    private const int MaxDatabaseNameLength = 63;

    private PrivatePostgresCluster? _server;

    /// <summary>The running server.</summary>
    public PrivatePostgresCluster Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture is not started.");

    /// <summary>Creates a fresh database named <paramref name="prefix"/> plus a unique suffix; returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        return Server.CreateDatabaseAsync(name.Length <= MaxDatabaseNameLength ? name : name[..MaxDatabaseNameLength], TestContext.Current.CancellationToken);
    }

    /// <summary>A data source on a fresh database named after <paramref name="prefix"/> (the caller disposes it).</summary>
    public async Task<NpgsqlDataSource> CreateDataSourceAsync(string prefix) => NpgsqlDataSource.Create(await CreateDatabaseAsync(prefix));

    /// <inheritdoc/>
    public virtual async ValueTask InitializeAsync() => _server = await PrivatePostgresCluster.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
