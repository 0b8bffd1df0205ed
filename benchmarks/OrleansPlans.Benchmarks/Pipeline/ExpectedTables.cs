using OrleansPlans.Domain.Engine;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Benchmarks.Pipeline;

/// <summary>
/// What the analytics tables must hold once a workload is consumed: row counts per table and total usage events,
/// from the pure domain engine over the same events (the tests prove that engine equals the independent oracle).
/// </summary>
public sealed record ExpectedTables(IReadOnlyDictionary<string, long> RowCounts, long UsageEvents)
{
    /// <summary>The tables compared (dead letters are not: the workload has no poison).</summary>
    public static readonly IReadOnlyList<string> Compared =
        [OutputTables.PlanUsageHourly, OutputTables.PlanUsageDaily, OutputTables.PlanUsageMonthly, OutputTables.PlanContentUsage, OutputTables.PlanMembers,
         OutputTables.Plans, OutputTables.UnattributedUsageDaily];

    /// <summary>The same tables with <c>plan_usage_monthly</c> empty (silos run with <c>PlanTables:MonthlyUsage=false</c>).</summary>
    public ExpectedTables WithoutMonthly() =>
        this with { RowCounts = new Dictionary<string, long>(RowCounts, StringComparer.Ordinal) { [OutputTables.PlanUsageMonthly] = 0 } };

    /// <summary>Applies the workload to a fresh domain engine and reads its tables.</summary>
    public static ExpectedTables Of(Workload.Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var engine = new InMemoryPlanAnalytics(TimeProvider.System);
        foreach (var batch in workload.Batches)
        {
            engine.ApplyUserEvents(batch.UserId, batch.Memberships, batch.Usages);
        }

        var counts = Compared.ToDictionary(t => t, t => (long)(engine.Tables.GetValueOrDefault(t)?.Count ?? 0), StringComparer.Ordinal);
        return new ExpectedTables(counts, workload.UsageEvents);
    }
}
