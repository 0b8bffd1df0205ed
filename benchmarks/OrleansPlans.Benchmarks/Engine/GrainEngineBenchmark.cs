using Orleans.Concurrency;
using OrleansPlans.Benchmarks.Workload;
using OrleansPlans.Grains;

namespace OrleansPlans.Benchmarks.Engine;

/// <summary>
/// Engine rate of the grains in one in-process silo: <see cref="IUserGrain.ApplyAsync"/> per batch, many batches in
/// flight at once (as stream pulling agents would), each completing only when its deltas reached the plan grains.
/// </summary>
public static class GrainEngineBenchmark
{
    /// <summary>Batches in flight at once.</summary>
    public const int Concurrency = 512;

    /// <summary>Applies every batch; returns the timing.</summary>
    public static async Task<RunResult> RunAsync(IGrainFactory grains, Workload.Workload workload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(workload);
        var measurement = Measurement.Start();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(workload.Batches, options, async (batch, _) =>
            await grains.GetGrain<IUserGrain>(batch.UserId).ApplyAsync(new UserEvents(batch.Memberships, batch.Usages).AsImmutable()));
        return measurement.Stop();
    }
}
