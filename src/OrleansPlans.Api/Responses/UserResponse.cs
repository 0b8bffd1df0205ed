namespace OrleansPlans.Api.Responses;

/// <summary>A user's membership.</summary>
/// <param name="UserId">The user.</param>
/// <param name="CurrentPlanId">
/// The plan the user is a member of now (at the latest event time), resolved through merges to the surviving plan;
/// null when in none.
/// </param>
/// <param name="MemberSince">When the current membership began (UTC); null when in no plan.</param>
/// <param name="AsOf">The instant asked about, when the request gave <c>asOf</c>.</param>
/// <param name="PlanAtAsOf">
/// The plan the user was a member of at <paramref name="AsOf"/>, resolved to the surviving plan; null when in none or
/// not asked.
/// </param>
/// <param name="MembershipEvents">Distinct membership events applied for the user.</param>
/// <param name="UsageEvents">Distinct usage events applied for the user.</param>
public sealed record UserResponse(
    string UserId,
    string? CurrentPlanId,
    DateTimeOffset? MemberSince,
    DateTimeOffset? AsOf,
    string? PlanAtAsOf,
    int MembershipEvents,
    int UsageEvents);
