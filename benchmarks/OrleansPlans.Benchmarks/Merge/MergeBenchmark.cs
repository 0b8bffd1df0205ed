using System.Diagnostics;
using Orleans.Concurrency;
using OrleansPlans.Benchmarks.Engine;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Grains;
using OrleansPlans.Grains.Projection;

namespace OrleansPlans.Benchmarks.Merge;

/// <summary>
/// Issue 6, figure 5: a source plan with <c>members</c> users and <c>members × usagesPerMember</c> usage events is
/// merged into a small target plan; the clock runs from handing the merge event to the coordinator grain (as the
/// merge stream does) until the rows reflect it: the source's <c>plans</c> row says merged and the target's content
/// totals hold every usage event of both plans.
/// </summary>
public static class MergeBenchmark
{
    private const string Source = "merge-source", Target = "merge-target";
    private const int TargetMembers = 10, Contents = 400;
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>What was loaded and how long the merge took to show.</summary>
    public sealed record Result(RunResult Load, long UsageEvents, TimeSpan Merge);

    /// <summary>Loads both plans through the user grains, then merges and times it.</summary>
    public static async Task<Result> RunAsync(InProcessSilo silo, int members, int usagesPerMember, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var users = Enumerable.Range(0, members).Select(i => ($"ms-{i}", Source))
            .Concat(Enumerable.Range(0, TargetMembers).Select(i => ($"mt-{i}", Target))).ToList();
        long usages = (long)users.Count * usagesPerMember;
        var load = Measurement.Start();
        var options = new ParallelOptions { MaxDegreeOfParallelism = GrainEngineBenchmark.Concurrency, CancellationToken = cancellationToken };
        // One call per user carries all its events: the load is the setup here, not what is measured.
        await Parallel.ForEachAsync(users, options, async (user, _) =>
            await silo.Grains.GetGrain<IUserGrain>(user.Item1).ApplyAsync(Events(user.Item1, user.Item2, usagesPerMember).AsImmutable()));
        var loaded = load.Stop();

        var clock = Stopwatch.StartNew();
        var merge = new MergeEvent("bench-merge", Source, Target, Start.AddDays(31), "benchmark");
        await silo.Grains.GetGrain<IMergeCoordinatorGrain>(0).MergeAsync(new MergeRequest(merge, null).AsImmutable());
        while (!Reflected(silo.Rows, usages))
        {
            if (clock.Elapsed > Timeout)
            {
                throw new TimeoutException($"merge: rows do not reflect the merge within {Timeout}");
            }

            await Task.Delay(10, cancellationToken);
        }

        return new Result(loaded, usages, clock.Elapsed);
    }

    private static UserEvents Events(string userId, string planId, int usagesPerMember)
    {
        var random = new Random(userId.GetHashCode(StringComparison.Ordinal));
        var joined = new MembershipEvent($"{userId}-join", MembershipChange.Added, planId, userId, Start);
        var usages = new UsageEvent[usagesPerMember];
        for (var k = 0; k < usagesPerMember; k++)
        {
            usages[k] = new UsageEvent($"{userId}-u{k}", userId, $"course-{random.Next(Contents)}", random.Next(1, 3601),
                Start.AddSeconds(random.Next(1, 30 * 86_400)));
        }

        return new UserEvents([joined], usages);
    }

    private static bool Reflected(InMemoryRowStore rows, long usages)
    {
        var merged = rows.Table(OutputTables.Plans).OfType<PlanRow>().Any(p => p.PlanId == Source && p.MergedInto == Target);
        return merged && rows.Table(OutputTables.PlanContentUsage).OfType<PlanContentUsageRow>().Where(r => r.PlanId == Target).Sum(r => r.Events) == usages;
    }
}
