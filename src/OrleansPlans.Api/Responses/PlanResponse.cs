namespace OrleansPlans.Api.Responses;

/// <summary>A plan (the <c>plans</c> row) and where it resolves.</summary>
/// <param name="PlanId">The plan asked for.</param>
/// <param name="Status"><c>active</c> or <c>merged</c>.</param>
/// <param name="MergedInto">The surviving plan a merged plan is reported under; null while active.</param>
/// <param name="ResolvesTo">The surviving plan: <paramref name="MergedInto"/>, or the plan itself while active.</param>
/// <param name="MemberCount">Open memberships now; 0 for a merged plan (its members moved to the survivor).</param>
public sealed record PlanResponse(string PlanId, string Status, string? MergedInto, string ResolvesTo, long MemberCount);
