using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Grains.Ingestion;

/// <summary>
/// Where an input record goes: onto a stream (<see cref="Namespace"/>, <see cref="StreamKey"/>, <see cref="Item"/>)
/// or, when it breaks the contract, to the dead letters (<see cref="DeadLetter"/>).
/// </summary>
public sealed record RoutedRecord(string? Namespace, string? StreamKey, object? Item, DeadLetterRow? DeadLetter);
