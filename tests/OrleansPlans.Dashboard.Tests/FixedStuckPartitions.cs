using OrleansPlans.Operations.Status;

namespace OrleansPlans.Dashboard.Tests;

/// <summary>Stuck partitions as a silo would report them, fixed for a test.</summary>
internal sealed class FixedStuckPartitions(IReadOnlyList<StuckPartition> current) : IStuckPartitionSource
{
    public IReadOnlyList<StuckPartition> Current => current;
}
