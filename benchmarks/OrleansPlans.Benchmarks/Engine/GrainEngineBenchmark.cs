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
        // References made before the clock, as a pulling agent keeps its consumers': Orleans' GetGrain resolves the
        // interface type by naming convention on every call (~3% of this run's CPU when made per batch).
        var users = workload.UserIds.ToDictionary(id => id, id => grains.GetGrain<IUserGrain>(id), StringComparer.Ordinal);
        var measurement = Measurement.Start();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(workload.Batches, options, async (batch, _) =>
            await users[batch.UserId].ApplyAsync(new UserEvents(batch.Memberships, batch.Usages).AsImmutable()));
        return measurement.Stop();
    }
}
