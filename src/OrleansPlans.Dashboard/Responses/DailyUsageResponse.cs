namespace OrleansPlans.Dashboard.Responses;

/// <summary>A plan's <c>plan_usage_daily</c> rows whose day lies in <c>[From, To)</c>, by day.</summary>
/// <param name="PlanId">The plan asked for.</param>
/// <param name="Status">Its status: <c>active</c> or <c>merged</c>.</param>
/// <param name="ResolvedPlanId">The plan whose rows these are: the survivor when <paramref name="PlanId"/> was merged.</param>
/// <param name="ResolvedFromMerge">True when <paramref name="PlanId"/> was merged and its survivor's usage is shown.</param>
/// <param name="From">The first day (inclusive, UTC).</param>
/// <param name="To">The day after the last (exclusive, UTC).</param>
/// <param name="Days">Days with usage; days without a row had none.</param>
/// <param name="LatestDay">
/// The latest day with usage of <paramref name="ResolvedPlanId"/> in any range; null when it has none. Lets a reader whose
/// range is empty (a plan idle lately, or replayed old data) go to where the usage is.
/// </param>
public sealed record DailyUsageResponse(
    string PlanId, string Status, string ResolvedPlanId, bool ResolvedFromMerge, DateOnly From, DateOnly To,
    IReadOnlyList<DailyUsageRowResponse> Days, DateOnly? LatestDay);
