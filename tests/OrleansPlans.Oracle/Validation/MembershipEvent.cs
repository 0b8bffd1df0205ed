namespace OrleansPlans.Oracle.Validation;

/// <summary>A valid <c>member_added</c> or <c>member_removed</c> event, plan id as written (not resolved).</summary>
internal sealed record MembershipEvent(
    string EventId, RawRecord Source, ParsedTimestamp OccurredAt, bool HasUnknownFields, bool IsAdded, string PlanId, string UserId)
    : InputEvent(EventId, Source, OccurredAt, HasUnknownFields);
