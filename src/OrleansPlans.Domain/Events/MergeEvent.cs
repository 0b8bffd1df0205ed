namespace OrleansPlans.Domain.Events;

/// <summary>A well-formed <c>plan-merges</c> event; whether it is applied is decided by the merge forest.</summary>
public sealed record MergeEvent(
    string EventId,
    string SourcePlanId,
    string TargetPlanId,
    DateTimeOffset OccurredAt,
    string RequestedBy);
