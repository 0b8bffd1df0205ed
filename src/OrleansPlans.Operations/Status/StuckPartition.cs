namespace OrleansPlans.Operations.Status;

/// <summary>An input partition a silo reports it cannot move past a record (see <see cref="PipelineStatus.StuckPartitions"/>).</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition number.</param>
/// <param name="Offset">The record it cannot get past; its checkpoint stays before it.</param>
/// <param name="Since">When the failures began (UTC).</param>
/// <param name="Failures">Failures in a row so far.</param>
/// <param name="LastError">The last failure's error text.</param>
public sealed record StuckPartition(string Topic, int Partition, long Offset, DateTimeOffset Since, int Failures, string LastError);
