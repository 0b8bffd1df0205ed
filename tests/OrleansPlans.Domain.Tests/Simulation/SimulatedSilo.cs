namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>
/// A silo: the activations it hosts, and its group-commit storage queue — the writes of all its grains wait here and
/// are flushed together as one round trip, each succeeding or failing on its own.
/// </summary>
internal sealed class SimulatedSilo(int id)
{
    public int Id => id;

    public List<ISimulatedActivation> Activations { get; } = [];

    public List<QueuedWrite> Queue { get; private set; } = [];

    /// <summary>The queued writes, leaving the queue empty for writes made while these complete.</summary>
    public List<QueuedWrite> TakeQueue()
    {
        var queue = Queue;
        Queue = [];
        return queue;
    }

    /// <summary>The silo died: it restarts empty.</summary>
    public (List<ISimulatedActivation> Activations, List<QueuedWrite> Writes) Clear()
    {
        var activations = Activations.Where(a => a.Alive).ToList();
        Activations.Clear();
        return (activations, TakeQueue());
    }
}
