namespace OrleansPlans.Benchmarks.Engine;

/// <summary>One timed run over a workload.</summary>
public readonly record struct RunResult(TimeSpan Elapsed, long AllocatedBytes)
{
    /// <summary>Events per second over the run.</summary>
    public double Rate(long events) => events / Elapsed.TotalSeconds;
}
