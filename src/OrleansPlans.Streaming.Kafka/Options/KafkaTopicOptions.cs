namespace OrleansPlans.Streaming.Kafka;

/// <summary>One Kafka topic read (and written) by the provider.</summary>
public sealed class KafkaTopicOptions
{
    /// <summary>The Kafka topic name. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The Orleans stream namespace the topic's records are delivered on, and the namespace whose streams
    /// are produced to this topic. Defaults to <see cref="Name"/>.
    /// </summary>
    public string? StreamNamespace { get; set; }

    /// <summary>
    /// The number of partitions. When null it is read from the cluster's metadata when the provider starts.
    /// Every partition becomes one Orleans queue.
    /// </summary>
    public int? PartitionCount { get; set; }

    /// <summary>The stream namespace actually used: <see cref="StreamNamespace"/> or, when unset, <see cref="Name"/>.</summary>
    public string EffectiveStreamNamespace => string.IsNullOrEmpty(StreamNamespace) ? Name : StreamNamespace;
}
