using System.Diagnostics;

namespace OrleansPlans.Testing;

/// <summary>Bounded polling for an outcome: how tests wait, instead of sleeping for a guessed time.</summary>
public static class Eventually
{
    /// <summary>How often a condition is checked again unless a caller says otherwise.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Fails the test unless <paramref name="condition"/> holds within <paramref name="timeout"/>; the failure says
    /// <paramref name="describe"/>. A costly condition passes a longer <paramref name="every"/>.
    /// </summary>
    public static Task HoldsAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe, TimeSpan? every = null) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, describe, every);

    /// <inheritdoc cref="HoldsAsync(Func{bool}, TimeSpan, Func{string}, TimeSpan?)"/>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe, TimeSpan? every = null)
    {
        var elapsed = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(every ?? PollInterval);
        while (!await condition())
        {
            if (elapsed.Elapsed > timeout)
            {
                Assert.Fail($"Not reached within {timeout}: {describe()}");
            }

            await tick.WaitForNextTickAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Probes until <paramref name="done"/> accepts the value and returns it. A probe that throws counts as not yet
    /// (a grain during a silo restart); after <paramref name="timeout"/> the last value and error are in the failure.
    /// </summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var elapsed = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(PollInterval);
        var last = default(T);
        Exception? lastError = null;
        while (elapsed.Elapsed < timeout)
        {
            try
            {
                last = await probe();
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                lastError = ex;
            }

            await tick.WaitForNextTickAsync(TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"{what} did not happen within {timeout}; last value: {last}", lastError);
    }
}
