namespace OrleansPlans.Domain.Events;

/// <summary>A valid <c>plan-membership</c> event. <paramref name="OccurredAt"/> is always UTC.</summary>
public sealed record MembershipEvent(
    string EventId,
    MembershipChange Type,
    string PlanId,
    string UserId,
    DateTimeOffset OccurredAt);
