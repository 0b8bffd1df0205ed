namespace OrleansPlans.Operations.Status;

/// <summary>
/// A snapshot of the pipeline for operators: how far the silos and the sink are behind, which silos are in the cluster,
/// and the dead letters. Plain data, serializable with System.Text.Json (see <see cref="PipelineStatusJsonContext"/>);
/// served at <c>GET /api/v1/status</c>, on the dashboard and by <c>orleansplans status</c>.
/// </summary>
/// <remarks>
/// A part that could not be read is empty (or null) and the reason is in <see cref="Kafka"/>, <see cref="Postgres"/> or
/// <see cref="Warnings"/>; reading never throws for an unreachable or unmigrated system.
/// </remarks>
public sealed record PipelineStatus
{
    /// <summary>When the snapshot was taken (UTC).</summary>
    public required DateTimeOffset ReadAt { get; init; }

    /// <summary>Whether the Kafka cluster answered a metadata request, with the error text when it did not.</summary>
    public required Reachability Kafka { get; init; }

    /// <summary>Whether PostgreSQL accepted a connection, with the error text when it did not.</summary>
    public required Reachability Postgres { get; init; }

    /// <summary>The silos' consumer group id whose committed offsets <see cref="InputLag"/> compares (default <c>orleansplans</c>).</summary>
    public required string InputConsumerGroup { get; init; }

    /// <summary>
    /// Per input topic and partition: the silos' position (the consumer group's committed offset, which the silos commit
    /// after each saved checkpoint) against the high watermark. Empty when Kafka is unreachable.
    /// </summary>
    public required IReadOnlyList<PartitionLag> InputLag { get; init; }

    /// <summary>The sink's consumer group id whose stored offsets <see cref="SinkLag"/> compares (default <c>orleansplans-analytics</c>).</summary>
    public required string SinkConsumerGroup { get; init; }

    /// <summary>
    /// Per output topic and partition: the sink's position (its next offset in the analytics <c>sink_offsets</c> table,
    /// i.e. what the tables reflect) against the high watermark. Empty when Kafka or PostgreSQL is unreachable (or the
    /// offsets table is missing).
    /// </summary>
    public required IReadOnlyList<PartitionLag> SinkLag { get; init; }

    /// <summary>
    /// Records the silos have still to process: the sum of <see cref="InputLag"/>. Null (unknown, not zero) when Kafka is
    /// unreachable or a partition's position could not be read.
    /// </summary>
    public long? TotalInputLag => Kafka.Reachable ? Sum(InputLag) : null;

    /// <summary>
    /// Records the sink has still to apply to the tables: the sum of <see cref="SinkLag"/>. Null (unknown, not zero) when
    /// Kafka or PostgreSQL is unreachable or the sink's offsets could not be read.
    /// </summary>
    public long? TotalSinkLag => Kafka.Reachable && Postgres.Reachable ? Sum(SinkLag) : null;

    /// <summary>
    /// Input partitions a silo reports stuck behind a record it can neither process nor dead-letter, with the offset.
    /// Filled by the host that serves <c>GET /api/v1/status</c> (from its own silo); empty in a status read from outside,
    /// where a stuck partition shows as input lag that does not fall.
    /// </summary>
    public IReadOnlyList<StuckPartition> StuckPartitions { get; init; } = [];

    /// <summary>
    /// The silos in the Orleans membership table (every cluster id in the database, or the configured one): all that are
    /// not dead, and dead ones whose last I-am-alive is recent (see <see cref="PipelineStatusOptions.RecentlyDeadSilos"/>).
    /// Active silos first. Empty when PostgreSQL is unreachable.
    /// </summary>
    public required IReadOnlyList<SiloInfo> Silos { get; init; }

    /// <summary>The dead letters in the analytics <c>dead_letters</c> table; null when it could not be read.</summary>
    public required DeadLetterSummary? DeadLetters { get; init; }

    /// <summary>Partial problems that did not stop the read (a missing topic, an unmigrated table), one sentence each.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    private static long? Sum(IReadOnlyList<PartitionLag> partitions)
    {
        long total = 0;
        foreach (var partition in partitions)
        {
            if (partition.Lag is not { } lag)
            {
                return null;
            }

            total += lag;
        }

        return total;
    }
}
