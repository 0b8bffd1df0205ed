namespace OrleansPlans.Grains.State;

/// <summary>
/// Runs a reentrant grain's emits one at a time: each starts after the previous one ended, whatever its outcome (a
/// failure is reported to that emit's own caller). The ledgers track a single set of rows being emitted, and rows reach
/// the topics in the order their values were taken. Runs on the grain's scheduler, so it needs no locks.
/// </summary>
internal sealed class SerialEmits(Func<Task> emit)
{
    private Task _tail = Task.CompletedTask;

    /// <summary>Emits after every emit started before; completes when this one did.</summary>
    public Task RunAsync()
    {
        var next = AfterAsync(_tail);
        _tail = next;
        return next;
    }

    private async Task AfterAsync(Task previous)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        await emit();
    }
}
