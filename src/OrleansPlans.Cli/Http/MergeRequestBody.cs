namespace OrleansPlans.Cli.Http;

/// <summary>Body of <c>POST /api/v1/merges</c>.</summary>
internal sealed record MergeRequestBody(string RequestId, string SourcePlanId, string TargetPlanId, string? RequestedBy);
