using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OrleansPlans.Persistence.Postgres.Hosting;

namespace OrleansPlans.Persistence.Postgres.Storage;

/// <summary>One <see cref="GroupCommitStateStore"/> per database for the whole silo, disposed (queued work finished) with it.</summary>
internal sealed class GroupCommitStateStores(PostgresDataSourceCache dataSources, IOptions<GroupCommitStorageOptions> options) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<GroupCommitStateStore>> _stores = new(StringComparer.Ordinal);

    /// <summary>The store of <paramref name="connectionString"/>'s database; null: the registered data source's.</summary>
    public GroupCommitStateStore Get(string? connectionString) =>
        // "" stands for the registered data source: no valid connection string is empty.
        _stores.GetOrAdd(connectionString ?? "", cs => new Lazy<GroupCommitStateStore>(() => new GroupCommitStateStore(dataSources.Get(connectionString), options.Value))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores.Values.Where(s => s.IsValueCreated))
        {
            await store.Value.DisposeAsync().ConfigureAwait(false);
        }

        _stores.Clear();
    }
}
