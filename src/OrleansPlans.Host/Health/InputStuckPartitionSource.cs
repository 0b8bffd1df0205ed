using OrleansPlans.Operations.Status;
using OrleansPlans.Streaming.Kafka;

namespace OrleansPlans.Host.Health;

/// <summary>The input provider's stuck partitions, for <c>GET /api/v1/status</c> (the same list readiness reports).</summary>
public sealed class InputStuckPartitionSource(IKafkaStuckPartitions stuck) : IStuckPartitionSource
{
    public IReadOnlyList<StuckPartition> Current =>
        [.. stuck.Current.Select(p => new StuckPartition(p.Topic, p.Partition, p.Offset, p.Since, p.Failures, p.LastError))];
}
