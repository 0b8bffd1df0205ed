namespace OrleansPlans.Domain.Events;

/// <summary>Where an input record came from; the primary key of a dead letter.</summary>
public sealed record SourcePosition(string Topic, int Partition, long Offset)
{
    /// <inheritdoc />
    public override string ToString() => $"{Topic}|{Partition}|{Offset}";
}
