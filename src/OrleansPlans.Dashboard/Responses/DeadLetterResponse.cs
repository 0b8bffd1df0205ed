namespace OrleansPlans.Dashboard.Responses;

/// <summary>A <c>dead_letters</c> row without its raw value (which may be large or binary).</summary>
/// <param name="SourceTopic">The input topic the record was read from.</param>
/// <param name="SourcePartition">Its partition.</param>
/// <param name="SourceOffset">Its offset.</param>
/// <param name="Reason">Why it was refused.</param>
/// <param name="ReceivedAt">When the pipeline dead-lettered it (UTC).</param>
/// <param name="RawValueBytes">Length of the raw value in bytes; null when the record had no value.</param>
public sealed record DeadLetterResponse(string SourceTopic, int SourcePartition, long SourceOffset, string Reason, DateTimeOffset ReceivedAt, int? RawValueBytes);
