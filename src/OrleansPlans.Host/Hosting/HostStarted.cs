using Microsoft.Extensions.Hosting;

namespace OrleansPlans.Host.Hosting;

/// <summary>Waits for the host (and so the silo) to have started.</summary>
public static class HostStarted
{
    /// <summary>Completes when <see cref="IHostApplicationLifetime.ApplicationStarted"/> fires.</summary>
    public static Task WaitAsync(IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        cancellationToken.Register(() => started.TrySetCanceled(cancellationToken));
        return started.Task;
    }
}
