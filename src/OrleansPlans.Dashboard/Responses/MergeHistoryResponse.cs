namespace OrleansPlans.Dashboard.Responses;

/// <summary>A row of the <c>plan_merge_history</c> view: a merged plan and the plan it resolves to now.</summary>
/// <param name="MergedPlanId">The plan that was merged away.</param>
/// <param name="SurvivorPlanId">The end of its merge chain, which reports everything that was the merged plan's.</param>
public sealed record MergeHistoryResponse(string MergedPlanId, string SurvivorPlanId);
