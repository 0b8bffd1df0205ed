namespace OrleansPlans.Oracle.Validation;

/// <summary>A valid <c>occurredAt</c>: the UTC instant plus what the statistics want to know about its spelling.</summary>
internal readonly record struct ParsedTimestamp(DateTime Utc, DateOnly LocalDate, TimeSpan Offset, bool HasFraction, bool HasNanoseconds);
