namespace OrleansPlans.Api.Responses;

/// <summary>A member of the survivor after a previewed merge.</summary>
/// <param name="UserId">The member.</param>
/// <param name="MemberSince">When the open membership began (UTC).</param>
/// <param name="FromPlanId">The plan whose members list the user now: the source, or the survivor.</param>
public sealed record MergePreviewMemberResponse(string UserId, DateTimeOffset MemberSince, string FromPlanId);
