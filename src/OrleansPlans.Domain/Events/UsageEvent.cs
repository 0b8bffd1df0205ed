namespace OrleansPlans.Domain.Events;

/// <summary>A valid <c>content-usage</c> event. <paramref name="OccurredAt"/> is always UTC.</summary>
public sealed record UsageEvent(
    string EventId,
    string UserId,
    string ContentId,
    int Seconds,
    DateTimeOffset OccurredAt);
