using Npgsql;
using Polly;
using Polly.Retry;

namespace OrleansPlans.Operations.Versions;

/// <summary>The switch's policy when queries hold the relations it replaces: another attempt shortly, until a deadline.</summary>
internal static class SwitchLockRetry
{
    /// <summary>Whether an attempt failed only because it could not get its locks (it rolled back; nothing changed).</summary>
    public static bool IsBusy(Exception error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected };

    /// <summary>Retries busy attempts <paramref name="delay"/> apart until <paramref name="wait"/> has passed since this call.</summary>
    public static ResiliencePipeline Create(TimeSpan delay, TimeSpan wait, TimeProvider time)
    {
        var started = time.GetTimestamp();
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = attempt => ValueTask.FromResult(
                    attempt.Outcome.Exception is { } error && IsBusy(error) && time.GetElapsedTime(started) < wait),
                MaxRetryAttempts = int.MaxValue,
                Delay = delay,
                BackoffType = DelayBackoffType.Constant,
            })
            .Build();
    }
}
