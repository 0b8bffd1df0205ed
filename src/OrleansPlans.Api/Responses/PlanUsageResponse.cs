namespace OrleansPlans.Api.Responses;

/// <summary>A plan's usage buckets whose start lies in <c>[From, To)</c>, in time order; buckets without usage are absent.</summary>
/// <param name="PlanId">The plan asked for.</param>
/// <param name="ResolvedPlanId">The plan whose usage this is: the survivor when <paramref name="PlanId"/> was merged.</param>
/// <param name="ResolvedFromMerge">True when <paramref name="PlanId"/> was merged and the survivor's usage is shown.</param>
/// <param name="Granularity"><c>hourly</c> or <c>daily</c>.</param>
/// <param name="From">Inclusive start of the range (UTC).</param>
/// <param name="To">Exclusive end of the range (UTC).</param>
/// <param name="Buckets">The buckets.</param>
public sealed record PlanUsageResponse(
    string PlanId,
    string ResolvedPlanId,
    bool ResolvedFromMerge,
    string Granularity,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<UsageBucketResponse> Buckets);
