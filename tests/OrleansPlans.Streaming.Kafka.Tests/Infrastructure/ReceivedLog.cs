namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>
/// What the recording grains of one test received, shared by the silos of that test (never static). Items are unique
/// record ids; applying an id twice is a duplicate delivery, which the grain's dedup ignores.
/// </summary>
internal sealed class ReceivedLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<string>> _appliedByKey = new(StringComparer.Ordinal);
    private readonly List<KafkaPosition> _positions = [];
    private int _deliveries;
    private int _largestBatch;
    private TaskCompletionSource _gate = OpenGate();
    private int _waitingAtGate;

    /// <summary>Number of deliveries currently held at a closed gate.</summary>
    public int WaitingAtGate => Volatile.Read(ref _waitingAtGate);

    /// <summary>Makes every grain hold its next delivery until <see cref="OpenGate"/> — a consumer that stopped keeping up.</summary>
    public void CloseGate() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OpenGateNow() => _gate.TrySetResult();

    /// <summary>Waits while the gate is closed.</summary>
    public async Task PassGateAsync()
    {
        var gate = _gate.Task;
        if (gate.IsCompleted)
        {
            return;
        }

        Interlocked.Increment(ref _waitingAtGate);
        try
        {
            await gate;
        }
        finally
        {
            Interlocked.Decrement(ref _waitingAtGate);
        }
    }

    public int Deliveries
    {
        get
        {
            lock (_lock)
            {
                return _deliveries;
            }
        }
    }

    public int LargestBatch
    {
        get
        {
            lock (_lock)
            {
                return _largestBatch;
            }
        }
    }

    public int AppliedCount
    {
        get
        {
            lock (_lock)
            {
                return _appliedByKey.Values.Sum(ids => ids.Count);
            }
        }
    }

    /// <summary>Records a delivery; returns false when the id was applied before (a duplicate).</summary>
    public bool Apply(string streamKey, string id, KafkaPosition position, int batchSize)
    {
        lock (_lock)
        {
            _deliveries++;
            _largestBatch = Math.Max(_largestBatch, batchSize);
            _positions.Add(position);
            if (!_appliedByKey.TryGetValue(streamKey, out var ids))
            {
                _appliedByKey[streamKey] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            return ids.Add(id);
        }
    }

    private static TaskCompletionSource OpenGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    public Dictionary<string, SortedSet<string>> AppliedByKey()
    {
        lock (_lock)
        {
            return _appliedByKey.ToDictionary(kv => kv.Key, kv => new SortedSet<string>(kv.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        }
    }

    public List<KafkaPosition> Positions()
    {
        lock (_lock)
        {
            return [.. _positions];
        }
    }
}
