namespace OrleansPlans.Dashboard.Responses;

/// <summary>A plan's <c>plan_usage_monthly</c> rows whose month lies in <c>[From, To)</c>, by month (contract 1.1).</summary>
/// <param name="PlanId">The plan asked for.</param>
/// <param name="Status">Its status: <c>active</c> or <c>merged</c>.</param>
/// <param name="ResolvedPlanId">The plan whose rows these are: the survivor when <paramref name="PlanId"/> was merged.</param>
/// <param name="ResolvedFromMerge">True when <paramref name="PlanId"/> was merged and its survivor's usage is shown.</param>
/// <param name="From">The first month (inclusive; its first day, UTC).</param>
/// <param name="To">The month after the last (exclusive; its first day, UTC).</param>
/// <param name="MemberCount">Open memberships of <paramref name="ResolvedPlanId"/> now: what <c>activeShare</c> divides by.</param>
/// <param name="Months">Months with usage; months without a row had none.</param>
public sealed record MonthlyUsageResponse(
    string PlanId, string Status, string ResolvedPlanId, bool ResolvedFromMerge, DateOnly From, DateOnly To, long MemberCount,
    IReadOnlyList<MonthlyUsageRowResponse> Months);
