namespace OrleansPlans.Domain.Contract;

/// <summary>The wire shape of a <c>content-usage</c> value. <c>seconds</c> as <see cref="int"/> rejects strings and fractions.</summary>
internal sealed record UsageRecord(string? EventId, string? UserId, string? ContentId, int? Seconds, string? OccurredAt);
