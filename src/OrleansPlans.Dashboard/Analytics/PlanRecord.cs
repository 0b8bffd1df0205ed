namespace OrleansPlans.Dashboard.Analytics;

/// <summary>A plan's <c>plans</c> row as the dashboard needs it.</summary>
internal sealed record PlanRecord(string PlanId, string Status, string? MergedInto, long MemberCount)
{
    /// <summary>The plan whose rows stand for this one: the survivor when merged (<c>merged_into</c> is already the end of the chain).</summary>
    public string ResolvedPlanId => MergedInto ?? PlanId;
}
