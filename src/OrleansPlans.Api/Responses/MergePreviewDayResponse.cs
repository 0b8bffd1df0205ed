namespace OrleansPlans.Api.Responses;

/// <summary>The survivor's usage on one day after a previewed merge (active users counted once per user).</summary>
public sealed record MergePreviewDayResponse(DateOnly Day, long Seconds, long Events, long ActiveUsers);
