namespace OrleansPlans.Oracle;

/// <summary>One input record exactly as it sits in Kafka: raw bytes plus its position.</summary>
/// <param name="Topic">Topic name, see <see cref="Topics"/>.</param>
/// <param name="Key">Record key, or null when the producer sent none.</param>
/// <param name="Value">Raw value bytes (expected to be UTF-8 JSON, but poison is allowed).</param>
/// <param name="Partition">Partition the record sits in.</param>
/// <param name="Offset">Offset within that partition.</param>
public sealed record RawRecord(string Topic, string? Key, byte[] Value, int Partition, long Offset)
{
    /// <summary>The dead-letter key of this record: <c>topic|partition|offset</c>.</summary>
    public string PositionKey => RowFormat.DeadLetterKey(Topic, Partition, Offset);
}
