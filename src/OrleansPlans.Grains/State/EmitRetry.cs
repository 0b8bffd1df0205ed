namespace OrleansPlans.Grains.State;

/// <summary>
/// Re-runs a grain's emit on a timer after it failed, until it succeeds, so rows left unemitted by a failure go out
/// even if nothing else touches the grain. Hand-written, not a retry policy: a grain timer runs the retry on the grain's
/// own scheduler (its ledger is not thread-safe) and ends with the activation; a policy's loop would run outside both.
/// </summary>
internal sealed class EmitRetry(IGrainBase grain, Func<Task> emit)
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private IGrainTimer? _timer;

    /// <summary>Starts retrying, unless a retry timer already runs.</summary>
    public void Schedule() => _timer ??= grain.RegisterGrainTimer(RunAsync, Delay, Delay);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await emit();
        _timer?.Dispose();
        _timer = null;
    }
}
