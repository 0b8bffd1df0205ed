namespace OrleansPlans.Domain.Events;

/// <summary>
/// A merge event with where it came from and its original bytes, so that a refusal can be dead-lettered at its
/// source position like any other bad record.
/// </summary>
public sealed record MergeRequest(MergeEvent Event, SourcePosition? Position, byte[]? RawValue = null);
