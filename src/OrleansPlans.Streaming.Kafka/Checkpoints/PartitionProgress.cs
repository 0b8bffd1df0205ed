namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// Tracks which fetched records of one partition are still in flight, to know the highest offset below which every
/// record is done (delivered to all consumers, or dead-lettered). Batches complete in any order; the checkpoint only
/// moves over a contiguous done prefix.
/// </summary>
internal sealed class PartitionProgress
{
    private readonly Lock _lock = new();
    private readonly Queue<InFlight> _order = new();
    private readonly Dictionary<long, InFlight> _byFirstOffset = new();
    private long _lastFetched;
    private int _inFlightRecords;

    /// <param name="lastCompleted">The offset before the first one that will be fetched.</param>
    public PartitionProgress(long lastCompleted) => _lastFetched = lastCompleted;

    /// <summary>Number of batches not yet done.</summary>
    public int InFlightCount
    {
        get
        {
            lock (_lock)
            {
                return _byFirstOffset.Count;
            }
        }
    }

    /// <summary>Number of records in batches not yet done: what the partition holds in memory.</summary>
    public int InFlightRecords
    {
        get
        {
            lock (_lock)
            {
                return _inFlightRecords;
            }
        }
    }

    /// <summary>A batch entered the cache at <paramref name="at"/>.</summary>
    public void Started(KafkaBatchContainer batch, DateTimeOffset at = default)
    {
        lock (_lock)
        {
            var entry = new InFlight(batch, at);
            _order.Enqueue(entry);
            _byFirstOffset[batch.FirstOffset] = entry;
            _inFlightRecords += batch.Offsets.Count;
        }
    }

    /// <summary>Every record up to <paramref name="offset"/> has been fetched (those not started were dead-lettered).</summary>
    public void FetchedThrough(long offset)
    {
        lock (_lock)
        {
            _lastFetched = Math.Max(_lastFetched, offset);
        }
    }

    /// <summary>The batch starting at <paramref name="firstOffset"/> is done.</summary>
    public void Completed(long firstOffset)
    {
        lock (_lock)
        {
            // A held batch stays in flight whatever the cache reports, so the checkpoint never passes it.
            if (_byFirstOffset.TryGetValue(firstOffset, out var held) && held.Held)
            {
                return;
            }

            if (_byFirstOffset.Remove(firstOffset, out var entry))
            {
                entry.Done = true;
                _inFlightRecords -= entry.Batch.Offsets.Count;
            }

            while (_order.TryPeek(out var head) && head.Done)
            {
                _order.Dequeue();
            }
        }
    }

    /// <summary>A batch still in flight, for dead-lettering it whole, and when it entered the cache.</summary>
    public bool TryGetInFlight(long firstOffset, out KafkaBatchContainer batch, out DateTimeOffset startedAt)
    {
        lock (_lock)
        {
            if (_byFirstOffset.TryGetValue(firstOffset, out var entry))
            {
                (batch, startedAt) = (entry.Batch, entry.StartedAt);
                return true;
            }
        }

        (batch, startedAt) = (null!, default);
        return false;
    }

    /// <summary>
    /// Keeps the batch in flight for good (until this reader stops): a delivery of it was abandoned, not finished, so
    /// the checkpoint must stay before it and the partition's next reader delivers it again.
    /// </summary>
    public void Hold(long firstOffset)
    {
        lock (_lock)
        {
            if (_byFirstOffset.TryGetValue(firstOffset, out var entry))
            {
                entry.Held = true;
            }
        }
    }

    /// <summary>The highest offset such that it and every offset before it are done.</summary>
    public long CompletedThrough
    {
        get
        {
            lock (_lock)
            {
                return _order.TryPeek(out var head) ? head.Batch.FirstOffset - 1 : _lastFetched;
            }
        }
    }

    private sealed class InFlight(KafkaBatchContainer batch, DateTimeOffset startedAt)
    {
        public KafkaBatchContainer Batch { get; } = batch;

        public DateTimeOffset StartedAt { get; } = startedAt;

        public bool Held { get; set; }

        public bool Done { get; set; }
    }
}
