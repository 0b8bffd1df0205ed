namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// The key and value of a dead-letter record: the application's format, since whatever reads the dead-letter topic is
/// the application's. Resolved from DI as a keyed service under the provider name, else the unkeyed service, else the
/// provider's generic JSON (<c>source_topic</c>, <c>source_partition</c>, <c>source_offset</c>, <c>reason</c>,
/// <c>raw_value</c> in base64, <c>received_at</c>).
/// </summary>
/// <remarks>
/// The provider cuts a record that would exceed the topic's message limit: it calls <see cref="Value"/> again with a
/// shorter reason and a prefix of the raw value (or none), so the value's size must grow with those two. Called on the
/// pulling agent; keep it fast and thread-safe.
/// </remarks>
public interface IKafkaDeadLetterFormat
{
    /// <summary>The record's key: one per input record, so that a compacted dead-letter topic keeps every refused record.</summary>
    string Key(KafkaPosition position);

    /// <summary>The record's value.</summary>
    byte[] Value(KafkaPosition position, string reason, byte[]? rawValue, DateTimeOffset receivedAt);
}
