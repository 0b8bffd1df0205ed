namespace OrleansPlans.Dashboard.Responses;

/// <summary>A <c>plan_usage_monthly</c> row with the share of the plan's members it made active.</summary>
/// <param name="Month">The first day of the UTC month.</param>
/// <param name="Seconds">Seconds of usage attributed to the plan that month.</param>
/// <param name="Events">Usage events.</param>
/// <param name="ActiveUsers">Distinct users whose usage that month is attributed to the plan (monthly active users).</param>
/// <param name="ActiveShare">
/// <paramref name="ActiveUsers"/> over the plan's members now (<see cref="MonthlyUsageResponse.MemberCount"/>); null when the
/// plan has no members. Members come and go, so for a past month it can exceed 1.
/// </param>
public sealed record MonthlyUsageRowResponse(DateOnly Month, long Seconds, long Events, long ActiveUsers, double? ActiveShare)
{
    /// <summary>The row of a month, its share taken over <paramref name="memberCount"/> members.</summary>
    public static MonthlyUsageRowResponse Of(DateOnly month, long seconds, long events, long activeUsers, long memberCount) =>
        new(month, seconds, events, activeUsers, memberCount > 0 ? (double)activeUsers / memberCount : null);
}
