namespace OrleansPlans.Operations.Status;

/// <summary>One dead letter: where the record was and why it was set aside.</summary>
/// <param name="SourceTopic">The input topic of the record.</param>
/// <param name="SourcePartition">Its partition.</param>
/// <param name="SourceOffset">Its offset.</param>
/// <param name="Reason">Why it was refused.</param>
/// <param name="ReceivedAt">When it was dead-lettered (UTC).</param>
public sealed record DeadLetterInfo(string SourceTopic, int SourcePartition, long SourceOffset, string Reason, DateTimeOffset ReceivedAt);
