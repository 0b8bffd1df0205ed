namespace OrleansPlans.Api.Responses;

/// <summary>What a merge would do if requested now; nothing is changed by asking.</summary>
/// <param name="Verdict"><c>would_apply</c>, <c>no_op</c> (already merged so) or <c>refused</c>.</param>
/// <param name="Reason">Why it would be refused; null otherwise.</param>
/// <param name="Survivor">The plan that would hold everything afterwards; null when refused.</param>
/// <param name="MemberCount">Open members of the survivor afterwards.</param>
/// <param name="Members">The first 100 of them by user id.</param>
/// <param name="DailyUsage">The survivor's daily usage afterwards, by day.</param>
/// <param name="ContentUsage">The survivor's 20 contents with the most seconds afterwards.</param>
public sealed record MergePreviewResponse(
    string Verdict,
    string? Reason,
    string? Survivor,
    long MemberCount,
    IReadOnlyList<MergePreviewMemberResponse> Members,
    IReadOnlyList<MergePreviewDayResponse> DailyUsage,
    IReadOnlyList<MergePreviewContentResponse> ContentUsage);
