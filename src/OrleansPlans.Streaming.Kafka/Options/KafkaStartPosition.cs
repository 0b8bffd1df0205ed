namespace OrleansPlans.Streaming.Kafka;

/// <summary>Where a partition that has no checkpoint yet starts reading.</summary>
public enum KafkaStartPosition
{
    /// <summary>From the oldest record the broker still retains.</summary>
    Earliest,

    /// <summary>From the next record produced after the receiver starts.</summary>
    Latest,
}
