namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>One activation of a simulated grain: its live state, the storage version it last read or wrote, its silo.</summary>
internal sealed class SimulatedActivation<T>(SimulatedActor<T> actor, T state, long version, int silo) : ISimulatedActivation
    where T : class
{
    public SimulatedActor<T> Actor => actor;

    public T State => state;

    public string Name => actor.Name;

    /// <summary>The stored version this activation's state was read at or last written as (its etag).</summary>
    public long Version { get; set; } = version;

    public int Silo => silo;

    public bool Alive { get; private set; } = true;

    /// <summary>Completes once the activation's start-up work (OnActivateAsync) ended; faulted if it failed.</summary>
    public Task Activated { get; set; } = Task.CompletedTask;

    public TurnLock Turns { get; } = new();

    /// <summary>
    /// A dead activation does nothing more: work of it that resumes later (an awaited call answered) fails at its next
    /// write or call, as if its silo were gone.
    /// </summary>
    public void ThrowIfDead()
    {
        if (!Alive)
        {
            throw new SimulatedFault("activation is gone");
        }
    }

    public void Kill()
    {
        if (Alive)
        {
            Alive = false;
            Turns.Kill();
            actor.Forget(this);
        }
    }
}
