using System.Collections.Concurrent;
using Npgsql;

namespace OrleansPlans.Persistence.Postgres.Hosting;

/// <summary>
/// One <see cref="NpgsqlDataSource"/> per connection string for the whole host, shared by the Orleans providers
/// and the migration step, and disposed with the service provider.
/// </summary>
internal sealed class PostgresDataSourceCache : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<NpgsqlDataSource>> _sources = new(StringComparer.Ordinal);

    public NpgsqlDataSource Get(string connectionString) =>
        _sources.GetOrAdd(connectionString, cs => new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(cs))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources.Values.Where(s => s.IsValueCreated))
        {
            await source.Value.DisposeAsync().ConfigureAwait(false);
        }

        _sources.Clear();
    }
}
