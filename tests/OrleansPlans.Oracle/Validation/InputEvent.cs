namespace OrleansPlans.Oracle.Validation;

/// <summary>A valid input event, with the record it came from (for positions and statistics).</summary>
internal abstract record InputEvent(string EventId, RawRecord Source, ParsedTimestamp OccurredAt, bool HasUnknownFields);
