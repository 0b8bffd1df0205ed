namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// The partitions of one provider that this process reads and that are stuck: a record could not be dead-lettered
/// after three tries in a row, or a batch Orleans gave up delivering could not be, so the checkpoint cannot pass it.
/// Resolve it keyed by the provider name for readiness checks and status pages.
/// </summary>
public interface IKafkaStuckPartitions
{
    /// <summary>The stuck partitions now, by topic, partition and offset; empty when every partition moves.</summary>
    IReadOnlyList<KafkaStuckPartition> Current { get; }
}
