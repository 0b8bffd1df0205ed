namespace OrleansPlans.Dashboard.Responses;

/// <summary>A plan in the plans list: its <c>plans</c> row and its usage in the last 30 days.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Status"><c>active</c> or <c>merged</c>.</param>
/// <param name="MergedInto">The plan a merged plan resolves to now; null when active.</param>
/// <param name="MemberCount">Open memberships (0 when merged).</param>
/// <param name="SecondsLast30Days">Seconds of usage on the 30 UTC days ending today (today included).</param>
/// <param name="EventsLast30Days">Usage events on those days.</param>
public sealed record PlanSummaryResponse(
    string PlanId, string Status, string? MergedInto, long MemberCount, long SecondsLast30Days, long EventsLast30Days);
