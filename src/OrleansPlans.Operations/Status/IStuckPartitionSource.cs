namespace OrleansPlans.Operations.Status;

/// <summary>
/// The input partitions the answering process reports stuck. Only a silo knows (a stuck partition is visible from
/// outside only as lag that does not fall), so a host registers one for <c>GET /api/v1/status</c> to include.
/// </summary>
public interface IStuckPartitionSource
{
    /// <summary>The stuck partitions now; empty when every partition moves.</summary>
    IReadOnlyList<StuckPartition> Current { get; }
}
