using OrleansPlans.Api.Responses;

namespace OrleansPlans.Dashboard.Responses;

/// <summary>One page of a plan's open memberships (<c>plan_members</c>), ordered by user id.</summary>
/// <param name="PlanId">The plan asked for.</param>
/// <param name="ResolvedPlanId">The plan whose members these are: the survivor when <paramref name="PlanId"/> was merged.</param>
/// <param name="ResolvedFromMerge">True when <paramref name="PlanId"/> was merged and its survivor's members are listed.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The most members a page holds.</param>
/// <param name="Total">Members in all pages.</param>
/// <param name="Members">This page's members.</param>
public sealed record PlanMembersPageResponse(
    string PlanId, string ResolvedPlanId, bool ResolvedFromMerge, int Page, int PageSize, long Total, IReadOnlyList<PlanMemberResponse> Members);
