namespace OrleansPlans.Grains.State;

/// <summary>
/// Group commit for a reentrant grain: every caller awaits a write that starts after its change, but changes that
/// arrive while a write is in flight share the next write, and calls already queued when a write is due join it.
/// Under load (the previous write started less than <c>spacing</c> ago) the next write waits out the rest of the
/// spacing, so a hot grain writes its whole state at most once per spacing however many changes arrive; an idle
/// grain writes at once. Runs on the grain's scheduler, so it needs no locks.
/// </summary>
internal sealed class WriteBehind(Func<Task> write, TimeProvider time, TimeSpan spacing)
{
    private TaskCompletionSource? _next;
    private bool _writing;
    private long? _lastStart;

    /// <summary>Completes once everything changed before the call is durable.</summary>
    public Task FlushAsync()
    {
        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = _next.Task;
        if (!_writing)
        {
            _ = LoopAsync();
        }

        return done;
    }

    private async Task LoopAsync()
    {
        _writing = true;
        try
        {
            // Let the calls already queued on this activation apply their changes first, so they share this write
            // instead of the next one (a yield on the grain's scheduler, not a timer: no latency when idle).
            await Task.Yield();
            while (_next is { } batch)
            {
                if (_lastStart is { } last && spacing - time.GetElapsedTime(last) is { Ticks: > 0 } rest)
                {
                    // Written moments ago: the grain is busy. Changes arriving meanwhile join this write.
                    await Task.Delay(rest, time);
                }

                _next = null;
                _lastStart = time.GetTimestamp();
                try
                {
                    await write();
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    batch.SetException(e);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }
}
