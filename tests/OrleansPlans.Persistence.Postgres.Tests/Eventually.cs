using System.Diagnostics;

namespace OrleansPlans.Persistence.Postgres.Tests;

/// <summary>Polls a condition until it holds or a deadline passes (never a fixed sleep).</summary>
internal static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var elapsed = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
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
