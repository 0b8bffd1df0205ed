using System.Diagnostics;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>Bounded polling for an outcome: the only way these tests wait.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var elapsed = Stopwatch.StartNew();
        while (!condition())
        {
            if (elapsed.Elapsed > timeout)
            {
                Assert.Fail($"Not reached within {timeout}: {describe()}");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        var elapsed = Stopwatch.StartNew();
        while (!await condition())
        {
            if (elapsed.Elapsed > timeout)
            {
                Assert.Fail($"Not reached within {timeout}: {describe()}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
