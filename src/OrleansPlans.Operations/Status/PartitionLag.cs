namespace OrleansPlans.Operations.Status;

/// <summary>How far one reader is behind on one topic partition.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition number.</param>
/// <param name="LowWatermark">The oldest offset still in the partition.</param>
/// <param name="HighWatermark">The offset the next record written will get.</param>
/// <param name="Position">The reader's next offset to read (a committed or stored offset), or null when it has none yet or it could not be read.</param>
/// <param name="Lag">
/// Records between the position and the high watermark; without a position, everything in the partition
/// (high − low watermark), since a reader without a position starts from the beginning. Null when the position could
/// not be read: unknown, never reported as zero.
/// </param>
public sealed record PartitionLag(string Topic, int Partition, long LowWatermark, long HighWatermark, long? Position, long? Lag)
{
    /// <summary>Computes <see cref="Lag"/> from the watermarks and the position (never negative).</summary>
    public static PartitionLag Of(string topic, int partition, long low, long high, long? position) =>
        new(topic, partition, low, high, position, Math.Max(0, high - Math.Max(position ?? low, low)));

    /// <summary>A partition whose reader's position could not be read: position and lag unknown.</summary>
    public static PartitionLag Unknown(string topic, int partition, long low, long high) => new(topic, partition, low, high, null, null);
}
