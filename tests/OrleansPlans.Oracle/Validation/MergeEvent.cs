namespace OrleansPlans.Oracle.Validation;

/// <summary>A valid (not yet decided) plan merge.</summary>
internal sealed record MergeEvent(
    string EventId, RawRecord Source, ParsedTimestamp OccurredAt, bool HasUnknownFields, string SourcePlanId, string TargetPlanId)
    : InputEvent(EventId, Source, OccurredAt, HasUnknownFields);
