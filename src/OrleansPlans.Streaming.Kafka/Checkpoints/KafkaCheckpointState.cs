namespace OrleansPlans.Streaming.Kafka;

/// <summary>The stored checkpoint of one partition.</summary>
[GenerateSerializer]
public sealed class KafkaCheckpointState
{
    /// <summary>The last completed offset; reading resumes at <c>Offset + 1</c>.</summary>
    [Id(0)]
    public long Offset { get; set; } = -1;
}
