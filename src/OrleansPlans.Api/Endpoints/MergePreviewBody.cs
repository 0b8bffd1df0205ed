namespace OrleansPlans.Api.Endpoints;

/// <summary>The body of <c>POST /api/v1/merges/preview</c>.</summary>
/// <param name="SourcePlanId">Required: the plan that would be merged away.</param>
/// <param name="TargetPlanId">Required: the plan it would be merged into.</param>
internal sealed record MergePreviewBody(string SourcePlanId, string TargetPlanId);
