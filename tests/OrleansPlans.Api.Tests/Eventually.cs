namespace OrleansPlans.Api.Tests;

/// <summary>Polls a condition until it holds or a bounded deadline passes (instead of sleeping a guessed time).</summary>
internal static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {Deadline.TotalSeconds} s waiting until {what}.");
            }

            await Task.Delay(PollInterval, TestContext.Current.CancellationToken);
        }
    }
}
