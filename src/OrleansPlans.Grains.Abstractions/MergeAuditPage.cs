namespace OrleansPlans.Grains;

/// <summary>One page of the audit log.</summary>
/// <param name="Total">Requests listed in all pages.</param>
/// <param name="RequestIds">This page's request ids, newest first.</param>
[GenerateSerializer, Immutable]
public sealed record MergeAuditPage([property: Id(0)] int Total, [property: Id(1)] IReadOnlyList<string> RequestIds);
