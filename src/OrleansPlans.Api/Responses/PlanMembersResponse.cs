namespace OrleansPlans.Api.Responses;

/// <summary>One page of a plan's members, ordered by user id (ordinal).</summary>
/// <param name="PlanId">The plan asked for.</param>
/// <param name="ResolvedPlanId">The plan whose members these are: the survivor when <paramref name="PlanId"/> was merged.</param>
/// <param name="ResolvedFromMerge">True when <paramref name="PlanId"/> was merged and the survivor's members are listed.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The most members a page holds.</param>
/// <param name="TotalCount">Members of <paramref name="ResolvedPlanId"/> in all pages.</param>
/// <param name="Members">This page's members.</param>
public sealed record PlanMembersResponse(
    string PlanId,
    string ResolvedPlanId,
    bool ResolvedFromMerge,
    int Page,
    int PageSize,
    int TotalCount,
    IReadOnlyList<PlanMemberResponse> Members);
