namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>
/// The simulation's one scheduler, as an activation's scheduler is in a silo: every continuation of an await made on
/// the simulation's thread comes back here, in order, and runs when the simulation drains it. Nothing runs on the
/// thread pool, so a seed replays exactly.
/// </summary>
internal sealed class SimulationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly int _thread = Environment.CurrentManagedThreadId;

    public override void Post(SendOrPostCallback d, object? state)
    {
        if (Environment.CurrentManagedThreadId != _thread)
        {
            throw new InvalidOperationException("the simulation left its thread");
        }

        _queue.Enqueue((d, state));
    }

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs every continuation waiting, and those they queue, until none is left.</summary>
    public void Drain()
    {
        while (_queue.TryDequeue(out var next))
        {
            next.Callback(next.State);
        }
    }
}
