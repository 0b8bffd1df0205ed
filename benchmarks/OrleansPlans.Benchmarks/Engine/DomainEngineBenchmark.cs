using OrleansPlans.Benchmarks.Workload;
using OrleansPlans.Domain.Engine;

namespace OrleansPlans.Benchmarks.Engine;

/// <summary>
/// Engine rate of the pure domain (<see cref="InMemoryPlanAnalytics"/>): typed events, already built, applied in user
/// batches on one thread, including the projection of row changes into the in-memory replica after every batch.
/// </summary>
public static class DomainEngineBenchmark
{
    /// <summary>Applies every batch to a fresh engine; returns the timing and the loaded engine.</summary>
    public static (RunResult Result, InMemoryPlanAnalytics Engine) Run(Workload.Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var engine = new InMemoryPlanAnalytics(TimeProvider.System);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var measurement = Measurement.Start();
        foreach (var batch in workload.Batches)
        {
            engine.ApplyUserEvents(batch.UserId, batch.Memberships, batch.Usages);
        }

        return (measurement.Stop(), engine);
    }

    /// <summary>Fails loudly when the engine lost events (a benchmark of a broken engine is worthless).</summary>
    public static void Verify(InMemoryPlanAnalytics engine, Workload.Workload workload)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(workload);
        var usages = workload.UserIds.Sum(u => (long)(engine.FindUser(u)?.Usages.Count ?? 0));
        if (usages != workload.UsageEvents)
        {
            throw new InvalidOperationException($"engine holds {usages} usage events, workload has {workload.UsageEvents}");
        }
    }
}
