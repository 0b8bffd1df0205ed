using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Events;

namespace OrleansPlans.Domain.Operations;

/// <summary>
/// A checked operator request to merge <see cref="SourcePlanId"/> into <see cref="TargetPlanId"/>, idempotent by the
/// client's <see cref="RequestId"/>. It becomes the <c>plan-merges</c> event <see cref="MergeEventId"/>, so it flows
/// through the same path as every other merge and is decided by the same coordinator.
/// </summary>
public sealed record OperatorMergeRequest(
    string RequestId,
    string SourcePlanId,
    string TargetPlanId,
    string RequestedBy,
    DateTimeOffset OccurredAt)
{
    /// <summary>The prefix that makes a request id a merge event id; it keeps operator merges apart from producers' ids.</summary>
    public const string EventIdPrefix = "op:";

    /// <summary>The longest request id: the merge event id (prefix + request id) must still be a contract identifier.</summary>
    public const int MaxRequestIdLength = Identifier.MaxLength - 3;

    /// <summary>The merge event id: <c>op:</c> + <see cref="RequestId"/>.</summary>
    public string MergeEventId => EventIdOf(RequestId);

    /// <summary>The merge event id of a request id.</summary>
    public static string EventIdOf(string requestId) => EventIdPrefix + requestId;

    /// <summary>The <c>plan-merges</c> event this request publishes.</summary>
    public MergeEvent ToEvent() => new(MergeEventId, SourcePlanId, TargetPlanId, OccurredAt, RequestedBy);

    /// <summary>
    /// Checks the fields of a request as received (null = absent). <paramref name="caller"/> is the default of
    /// <c>requestedBy</c> and <paramref name="now"/> of <c>occurredAt</c>. Returns null with the first problem in
    /// <paramref name="error"/>; a merge of a plan into itself is refused here, before anything is published.
    /// </summary>
    public static OperatorMergeRequest? Validate(
        string? requestId, string? sourcePlanId, string? targetPlanId, string? requestedBy, string? occurredAt,
        string caller, DateTimeOffset now, out FieldError? error)
    {
        error = CheckId("requestId", requestId) ?? CheckId("sourcePlanId", sourcePlanId) ?? CheckId("targetPlanId", targetPlanId);
        if (error is null && requestId!.Length > MaxRequestIdLength)
        {
            error = new FieldError("requestId",
                $"field 'requestId' has {requestId.Length} characters; request ids have at most {MaxRequestIdLength} (the merge event id is '{EventIdPrefix}' + requestId)");
        }

        if (error is null && requestedBy is { Length: 0 or > ContractCodec.MaxRequestedByLength })
        {
            error = new FieldError("requestedBy",
                $"field 'requestedBy' has {requestedBy.Length} characters; expected 1 to {ContractCodec.MaxRequestedByLength}, or leave it out to record the caller");
        }

        var at = now;
        if (error is null && occurredAt is not null)
        {
            if (Rfc3339.Parse("occurredAt", occurredAt, out var reason) is { } parsed)
            {
                at = parsed;
            }
            else
            {
                error = new FieldError("occurredAt", reason!);
            }
        }

        if (error is null && sourcePlanId == targetPlanId)
        {
            error = new FieldError("targetPlanId",
                $"fields 'sourcePlanId' and 'targetPlanId' are both '{sourcePlanId}'; a plan cannot be merged into itself");
        }

        return error is null ? new OperatorMergeRequest(requestId!, sourcePlanId!, targetPlanId!, requestedBy ?? caller, at) : null;
    }

    private static FieldError? CheckId(string field, string? value) =>
        value is null ? new FieldError(field, $"field '{field}' is missing")
        : Identifier.Check(field, value) is { } reason ? new FieldError(field, reason)
        : null;
}
