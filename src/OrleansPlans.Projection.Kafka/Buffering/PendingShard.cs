using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Projection.Kafka.Buffering;

/// <summary>
/// One slice of the coalescing buffer. Keys hash to shards so that publishers of different plans rarely contend
/// for the same lock, and the flusher swaps a shard's whole dictionary out in O(1).
/// </summary>
internal sealed class PendingShard
{
    private readonly Lock _gate = new();
    private Dictionary<(string Table, string Key), PendingChange> _changes = [];
    private bool _closed;

    /// <summary>Buffers <paramref name="change"/>, replacing a buffered change of the same key; returns its acknowledgement.</summary>
    /// <param name="change">The change.</param>
    /// <param name="coalesced">True when an earlier buffered change of the key was replaced.</param>
    public Task Add(RowChange change, out bool coalesced)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, typeof(KafkaRowSink));
            if (_changes.TryGetValue((change.Table, change.Key), out var pending))
            {
                pending.Change = change;
                coalesced = true;
                return pending.Acknowledged;
            }

            pending = new PendingChange(change);
            _changes.Add((change.Table, change.Key), pending);
            coalesced = false;
            return pending.Acknowledged;
        }
    }

    /// <summary>Takes every buffered change (null when none); with <paramref name="close"/> later adds are refused.</summary>
    public Dictionary<(string Table, string Key), PendingChange>? TakeAll(bool close = false)
    {
        lock (_gate)
        {
            _closed |= close;
            if (_changes.Count == 0)
            {
                return null;
            }

            var taken = _changes;
            _changes = new Dictionary<(string Table, string Key), PendingChange>(Math.Min(taken.Count, 1024));
            return taken;
        }
    }
}
