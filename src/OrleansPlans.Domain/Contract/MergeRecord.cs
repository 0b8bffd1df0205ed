namespace OrleansPlans.Domain.Contract;

/// <summary>The wire shape of a <c>plan-merges</c> value.</summary>
internal sealed record MergeRecord(string? EventId, string? SourcePlanId, string? TargetPlanId, string? OccurredAt, string? RequestedBy);
