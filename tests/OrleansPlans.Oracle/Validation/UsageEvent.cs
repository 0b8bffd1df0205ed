namespace OrleansPlans.Oracle.Validation;

/// <summary>A valid content-usage event.</summary>
internal sealed record UsageEvent(
    string EventId, RawRecord Source, ParsedTimestamp OccurredAt, bool HasUnknownFields, string UserId, string ContentId, long Seconds)
    : InputEvent(EventId, Source, OccurredAt, HasUnknownFields);
