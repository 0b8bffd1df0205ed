namespace OrleansPlans.Streaming.Kafka;

/// <summary>Where a record sits in Kafka: topic, partition and offset.</summary>
/// <param name="Topic">The topic name.</param>
/// <param name="Partition">The partition number.</param>
/// <param name="Offset">The record's offset within the partition.</param>
[GenerateSerializer, Immutable]
public readonly record struct KafkaPosition(
    [property: Id(0)] string Topic,
    [property: Id(1)] int Partition,
    [property: Id(2)] long Offset)
{
    /// <summary>The position as the dead-letter key uses it: <c>{topic}|{partition}|{offset}</c>.</summary>
    public override string ToString() => $"{Topic}|{Partition}|{Offset}";
}
