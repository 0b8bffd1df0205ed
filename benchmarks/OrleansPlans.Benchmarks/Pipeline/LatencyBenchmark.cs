namespace OrleansPlans.Benchmarks.Pipeline;

/// <summary>
/// Issue 10's latency figure: produce → row update in an output topic, for usage records paced at a given rate
/// (the harness uses half of <c>sustained.rate</c>). Every paced record must arrive (see <see cref="PacedRun"/>).
/// </summary>
public static class LatencyBenchmark
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);

    /// <summary>Produces records for <paramref name="users"/> at <paramref name="ratePerSecond"/> for <paramref name="duration"/>.</summary>
    public static async Task<PacedRun.Result> RunAsync(string bootstrapServers, IReadOnlyList<string> users, double ratePerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var result = await PacedRun.RunAsync(bootstrapServers, users, "lat", ratePerSecond, duration, lagLimit: null, Drain, cancellationToken);
        if (result.LatenciesMs.Length < result.Produced)
        {
            throw new TimeoutException($"latency: only {result.LatenciesMs.Length} of {result.Produced} paced records reached the output topic within {Drain} after the last send");
        }

        return result;
    }
}
