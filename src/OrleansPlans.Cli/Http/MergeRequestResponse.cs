namespace OrleansPlans.Cli.Http;

/// <summary>A merge request as the API reports it (times kept as the server wrote them).</summary>
internal sealed record MergeRequestResponse(
    string? RequestId,
    string? MergeEventId,
    string? SourcePlanId,
    string? TargetPlanId,
    string? Status,
    string? Reason,
    string? Survivor,
    string? RequestedBy,
    string? RequestedAt,
    string? RequestedFrom,
    string? UserAgent,
    string? DecidedAt)
{
    /// <summary>The request's status while the merge is not decided yet.</summary>
    public const string Pending = "pending";

    /// <summary>The status of a refused merge.</summary>
    public const string Refused = "refused";
}
