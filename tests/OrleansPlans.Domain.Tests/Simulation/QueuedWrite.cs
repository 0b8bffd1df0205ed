namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>
/// One activation's write waiting for its silo's flush. The state is serialized when the flush runs, so every change
/// the activation made before it awaited the write is in it (and later callers join the write already queued).
/// </summary>
internal sealed class QueuedWrite(ISimulatedActivation activation, Func<bool> store, Action onFailed)
{
    public ISimulatedActivation Activation => activation;

    /// <summary>Completes when the flush stored this write; faulted when it failed.</summary>
    public TaskCompletionSource Done { get; } = new();

    /// <summary>Stores the state; false on a version conflict.</summary>
    public bool Store() => store();

    /// <summary>What the grain does when its write failed (a user or the coordinator discards its activation).</summary>
    public void Failed() => onFailed();
}
