using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OrleansPlans.Persistence.Postgres.Hosting;

namespace OrleansPlans.Persistence.Postgres.Storage;

/// <summary>One <see cref="GroupCommitStateStore"/> per database for the whole silo, disposed (queued work finished) with it.</summary>
internal sealed class GroupCommitStateStores(PostgresDataSourceCache dataSources, IOptions<GroupCommitStorageOptions> options) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<GroupCommitStateStore>> _stores = new(StringComparer.Ordinal);

    public GroupCommitStateStore Get(string connectionString) =>
        _stores.GetOrAdd(connectionString, cs => new Lazy<GroupCommitStateStore>(() => new GroupCommitStateStore(dataSources.Get(cs), options.Value))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores.Values.Where(s => s.IsValueCreated))
        {
            await store.Value.DisposeAsync().ConfigureAwait(false);
        }

        _stores.Clear();
    }
}
