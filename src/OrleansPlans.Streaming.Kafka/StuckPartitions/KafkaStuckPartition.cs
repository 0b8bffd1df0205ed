namespace OrleansPlans.Streaming.Kafka;

/// <summary>A partition this process reads that cannot move past a record.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition number.</param>
/// <param name="Offset">The first record not yet safely processed or dead-lettered: its checkpoint stays before it.</param>
/// <param name="Since">When the first failure in the current run of failures happened (UTC).</param>
/// <param name="Failures">Consecutive failures so far.</param>
/// <param name="LastError">The last failure's message (a client error text; never client settings).</param>
public sealed record KafkaStuckPartition(string Topic, int Partition, long Offset, DateTimeOffset Since, int Failures, string LastError);
