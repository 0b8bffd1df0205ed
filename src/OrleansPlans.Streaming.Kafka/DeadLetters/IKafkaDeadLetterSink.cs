namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// Writes records to the provider's dead-letter topic. Resolve it keyed by the provider name
/// (<c>services.GetRequiredKeyedService&lt;IKafkaDeadLetterSink&gt;("kafka")</c>) to dead-letter records a grain refuses;
/// the position comes from the <see cref="KafkaSequenceToken"/> the item was delivered with.
/// </summary>
/// <remarks>
/// The record written: key <c>{topic}|{partition}|{offset}</c>; value UTF-8 JSON
/// <c>{"source_topic","source_partition","source_offset","reason","raw_value" (base64 or null),"received_at" (UTC)}</c>.
/// </remarks>
public interface IKafkaDeadLetterSink
{
    /// <summary>Produces one dead-letter record and completes once the broker acknowledged it.</summary>
    /// <param name="position">The source record's position.</param>
    /// <param name="reason">Why the record is dead-lettered.</param>
    /// <param name="rawValue">The source record's value bytes, or null when unknown or a tombstone.</param>
    /// <param name="cancellationToken">Cancels waiting for the acknowledgement.</param>
    Task WriteAsync(KafkaPosition position, string reason, byte[]? rawValue, CancellationToken cancellationToken = default);
}
