namespace OrleansPlans.Cli.Http;

/// <summary>What a merge would do, as <c>POST /api/v1/merges/preview</c> reports it.</summary>
internal sealed record MergePreviewResponse(
    string? Verdict,
    string? Reason,
    string? Survivor,
    long? MemberCount,
    IReadOnlyList<PreviewMember>? Members,
    IReadOnlyList<PreviewDailyUsage>? DailyUsage,
    IReadOnlyList<PreviewContentUsage>? ContentUsage);

/// <summary>A member the survivor would have.</summary>
internal sealed record PreviewMember(string? UserId, string? MemberSince, string? FromPlanId);

/// <summary>A day of the survivor's usage after the merge.</summary>
internal sealed record PreviewDailyUsage(string? Day, long Seconds, long Events, long ActiveUsers);

/// <summary>A content item of the survivor's usage after the merge.</summary>
internal sealed record PreviewContentUsage(string? ContentId, long Seconds, long Events);
