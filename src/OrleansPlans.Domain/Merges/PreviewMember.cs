namespace OrleansPlans.Domain.Merges;

/// <summary>An open membership of the survivor after a previewed merge.</summary>
/// <param name="UserId">The member.</param>
/// <param name="MemberSince">When the open membership began (UTC).</param>
/// <param name="FromPlanId">The plan whose members list the user now: the source, or the survivor.</param>
public sealed record PreviewMember(string UserId, DateTime MemberSince, string FromPlanId);
