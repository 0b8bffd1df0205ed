namespace OrleansPlans.Api.Responses;

/// <summary>The survivor's usage of one content after a previewed merge.</summary>
public sealed record MergePreviewContentResponse(string ContentId, long Seconds, long Events);
