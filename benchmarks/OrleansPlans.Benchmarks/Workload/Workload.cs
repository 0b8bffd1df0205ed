namespace OrleansPlans.Benchmarks.Workload;

/// <summary>Generated batches in delivery order, with their totals.</summary>
public sealed record Workload(
    IReadOnlyList<UserBatch> Batches,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<string> PlanIds,
    long MembershipEvents,
    long UsageEvents)
{
    /// <summary>Every event, membership and usage.</summary>
    public long Events => MembershipEvents + UsageEvents;
}
