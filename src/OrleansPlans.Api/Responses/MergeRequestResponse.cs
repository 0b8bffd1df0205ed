namespace OrleansPlans.Api.Responses;

/// <summary>An operator merge request, its status and who made it.</summary>
/// <param name="RequestId">The client's request id.</param>
/// <param name="MergeEventId">The merge event published for it: <c>op:</c> + request id.</param>
/// <param name="SourcePlanId">The plan asked to cease.</param>
/// <param name="TargetPlanId">The plan asked to absorb it.</param>
/// <param name="Status"><c>pending</c>, <c>applied</c>, <c>no_op</c> or <c>refused</c>: the merge coordinator's decision.</param>
/// <param name="Reason">Why the merge was refused; null otherwise.</param>
/// <param name="Survivor">The plan the source's group resolves to once applied (or already, for a no-op); null until decided or when refused.</param>
/// <param name="RequestedBy">The event's <c>requestedBy</c>: as given, or the caller's identity (e.g. <c>operator-key-0</c>).</param>
/// <param name="RequestedAt">When the first call with this request id arrived.</param>
/// <param name="RequestedFrom">The first caller's IP address, when known.</param>
/// <param name="UserAgent">The first caller's <c>User-Agent</c>, when sent.</param>
/// <param name="DecidedAt">When the coordinator decided; null while pending.</param>
public sealed record MergeRequestResponse(
    string RequestId,
    string MergeEventId,
    string SourcePlanId,
    string TargetPlanId,
    string Status,
    string? Reason,
    string? Survivor,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string? RequestedFrom,
    string? UserAgent,
    DateTimeOffset? DecidedAt);
