using Npgsql;

namespace OrleansPlans.Persistence.Postgres.Storage;

/// <summary>
/// The grouped reads and writes of one database, shared by every group-commit storage provider of the silo (grain
/// state, checkpoints, …) so that their requests share round trips too.
/// </summary>
internal sealed class GroupCommitStateStore(NpgsqlDataSource dataSource, GroupCommitStorageOptions options) : IAsyncDisposable
{
    public StateReadBatcher Reads { get; } = new(dataSource, options);

    public StateWriteBatcher Writes { get; } = new(dataSource, options);

    public async ValueTask DisposeAsync()
    {
        await Writes.DisposeAsync().ConfigureAwait(false);
        await Reads.DisposeAsync().ConfigureAwait(false);
    }
}
