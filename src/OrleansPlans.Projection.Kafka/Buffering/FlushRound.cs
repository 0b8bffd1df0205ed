namespace OrleansPlans.Projection.Kafka.Buffering;

/// <summary>
/// The records produced by one flush: counts outstanding acknowledgements so the flush latency is recorded once,
/// when the last one arrives, and lets a disposing sink fail the waiters Kafka will never answer.
/// </summary>
internal sealed class FlushRound(long startedTimestamp)
{
    private readonly List<PendingChange> _changes = [];
    // Starts at 1 for the flusher itself, released by Seal, so the round cannot finish while records are still being produced.
    private int _outstanding = 1;

    public long StartedTimestamp { get; } = startedTimestamp;

    public int Count => _changes.Count;

    public void Add(PendingChange change)
    {
        _changes.Add(change);
        Interlocked.Increment(ref _outstanding);
    }

    /// <summary>Marks one record settled; true when it was the last one of a sealed round.</summary>
    public bool Settle() => Interlocked.Decrement(ref _outstanding) == 0;

    /// <summary>Ends production for the round; true when every record was already settled.</summary>
    public bool Seal() => Settle();

    public bool IsFinished => Volatile.Read(ref _outstanding) == 0;

    public void FailUnsettled(Exception error)
    {
        foreach (var change in _changes)
        {
            change.Fail(error);
        }
    }
}
