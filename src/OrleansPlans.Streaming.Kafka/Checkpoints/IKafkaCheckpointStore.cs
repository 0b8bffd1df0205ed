namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// Stores, per consumer group and partition, the last offset whose record (and every record before it) was delivered to
/// all consumers or dead-lettered. Reading resumes at that offset + 1. Resolved keyed by provider name, else
/// <see cref="GrainStorageKafkaCheckpointStore"/> over <see cref="KafkaStreamOptions.CheckpointStorageName"/>.
/// </summary>
public interface IKafkaCheckpointStore
{
    /// <summary>The last completed offset, or null when the partition has no checkpoint.</summary>
    Task<long?> LoadAsync(string consumerGroupId, string topic, int partition, CancellationToken cancellationToken = default);

    /// <summary>Records <paramref name="offset"/> as completed. Never moves a stored checkpoint backwards.</summary>
    Task SaveAsync(string consumerGroupId, string topic, int partition, long offset, CancellationToken cancellationToken = default);
}
