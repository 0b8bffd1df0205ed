namespace OrleansPlans.Api.Responses;

/// <summary>An open membership (a <c>plan_members</c> row).</summary>
/// <param name="UserId">The member.</param>
/// <param name="MemberSince">When the open membership began, in the plan where it began (UTC).</param>
public sealed record PlanMemberResponse(string UserId, DateTimeOffset MemberSince);
