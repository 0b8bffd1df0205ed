using System.Collections.Concurrent;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Grains.Projection;

/// <summary>A row sink that keeps the latest row of every key in memory: the tables of the demo and the tests.</summary>
public sealed class InMemoryRowStore : IRowSink
{
    private readonly ConcurrentDictionary<(string Table, string Key), OutputRow> _rows = new();
    private long _changes;

    /// <summary>Number of row changes received so far.</summary>
    public long ChangeCount => Interlocked.Read(ref _changes);

    /// <inheritdoc />
    public Task PublishAsync(IReadOnlyList<RowChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.Row is null)
            {
                _rows.TryRemove((change.Table, change.Key), out _);
            }
            else
            {
                _rows[(change.Table, change.Key)] = change.Row;
            }
        }

        Interlocked.Add(ref _changes, changes.Count);
        return Task.CompletedTask;
    }

    /// <summary>A copy of the current rows.</summary>
    public IReadOnlyList<OutputRow> Snapshot() => _rows.Values.ToList();

    /// <summary>The current rows of one table.</summary>
    public IReadOnlyList<OutputRow> Table(string table) => _rows.Where(p => p.Key.Table == table).Select(p => p.Value).ToList();
}
