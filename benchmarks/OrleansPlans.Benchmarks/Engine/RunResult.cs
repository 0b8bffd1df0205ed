namespace OrleansPlans.Benchmarks.Engine;

/// <summary>
/// One timed run over a workload. CPU time (all threads of the process, GC included) is kept beside wall time:
/// on a shared machine the wall clock measures the neighbours as much as the engine. <paramref name="GcPause"/> is
/// the time the runtime paused the process for collections: how GC-bound a run was.
/// </summary>
public readonly record struct RunResult(TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes, int GarbageCollections, TimeSpan GcPause = default)
{
    /// <summary>Events per wall-clock second over the run.</summary>
    public double Rate(long events) => events / Elapsed.TotalSeconds;

    /// <summary>Events per second of process CPU time.</summary>
    public double CpuRate(long events) => events / Cpu.TotalSeconds;
}
