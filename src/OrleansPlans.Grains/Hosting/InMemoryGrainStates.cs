using System.Collections.Concurrent;

namespace OrleansPlans.Grains.Hosting;

/// <summary>
/// The grain states of the in-memory plan-analytics storage (<see cref="PlanAnalyticsMemoryStorageExtensions"/>). Each
/// silo gets its own unless given one: silos of one process that share an instance form a cluster whose grains find
/// their state wherever they are activated, as with a database.
/// </summary>
public sealed class InMemoryGrainStates
{
    internal ConcurrentDictionary<(string State, GrainId Grain), StoredGrainState> Entries { get; } = new();

    /// <summary>How many grain states are held.</summary>
    public int Count => Entries.Count;
}

/// <summary>One grain's stored state: its version, and its parts or whole payload. Guarded by locking the instance.</summary>
internal sealed class StoredGrainState
{
    public long Version { get; set; }

    public byte[]? Payload { get; set; }

    public Dictionary<string, byte[]> Parts { get; } = new(StringComparer.Ordinal);
}
