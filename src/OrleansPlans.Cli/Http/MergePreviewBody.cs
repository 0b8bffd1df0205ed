namespace OrleansPlans.Cli.Http;

/// <summary>Body of <c>POST /api/v1/merges/preview</c>.</summary>
internal sealed record MergePreviewBody(string SourcePlanId, string TargetPlanId);
