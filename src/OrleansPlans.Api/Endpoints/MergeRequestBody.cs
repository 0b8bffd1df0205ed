namespace OrleansPlans.Api.Endpoints;

/// <summary>The body of <c>POST /api/v1/merges</c> (documented shape; read field by field for clear errors).</summary>
/// <param name="RequestId">Required: the client's id for the request (identifier, at most 125 characters); calls with the same id are one request.</param>
/// <param name="SourcePlanId">Required: the plan to merge away.</param>
/// <param name="TargetPlanId">Required: the plan to merge it into.</param>
/// <param name="RequestedBy">Optional: who asks (1 to 256 characters); default the caller's identity.</param>
/// <param name="OccurredAt">Optional: the event time, RFC 3339 with an offset; default now.</param>
internal sealed record MergeRequestBody(string RequestId, string SourcePlanId, string TargetPlanId, string? RequestedBy, string? OccurredAt);
