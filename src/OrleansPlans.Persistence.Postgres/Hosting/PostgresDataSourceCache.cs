using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace OrleansPlans.Persistence.Postgres.Hosting;

/// <summary>
/// The data source of each database the Orleans providers and the migration step use: the host's own
/// <see cref="NpgsqlDataSource"/> (registered in the container; a null connection string) or, for a provider given a
/// connection string, one built per connection string, shared by every provider on it and disposed with the container.
/// </summary>
internal sealed class PostgresDataSourceCache(IServiceProvider services) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<NpgsqlDataSource>> _sources = new(StringComparer.Ordinal);

    /// <summary>The data source of <paramref name="connectionString"/>; null: the one registered in the container (not owned here).</summary>
    public NpgsqlDataSource Get(string? connectionString) =>
        connectionString is null
            ? services.GetService<NpgsqlDataSource>() ?? throw new InvalidOperationException(
                "No NpgsqlDataSource is registered: register the process's data source, or give the PostgreSQL providers a connection string.")
            : _sources.GetOrAdd(connectionString, cs => new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(StatementPreparation.WithDefault(cs)))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources.Values.Where(s => s.IsValueCreated))
        {
            await source.Value.DisposeAsync().ConfigureAwait(false);
        }

        _sources.Clear();
    }
}
