using Confluent.Kafka;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// One consumed Kafka record as a decoder sees it. A struct passed by reference, so decoding allocates nothing of its own.
/// </summary>
public readonly struct KafkaRecord
{
    /// <summary>Creates a record view.</summary>
    public KafkaRecord(KafkaPosition position, string streamNamespace, byte[]? key, byte[]? value, Headers? headers, DateTimeOffset timestamp)
    {
        Position = position;
        StreamNamespace = streamNamespace;
        Key = key;
        Value = value;
        Headers = headers;
        Timestamp = timestamp;
    }

    /// <summary>Topic, partition and offset of the record.</summary>
    public KafkaPosition Position { get; }

    /// <summary>The stream namespace configured for the record's topic.</summary>
    public string StreamNamespace { get; }

    /// <summary>The raw key bytes, or null when the record has no key.</summary>
    public byte[]? Key { get; }

    /// <summary>The raw value bytes, or null for a tombstone.</summary>
    public byte[]? Value { get; }

    /// <summary>The record's headers, if any.</summary>
    public Headers? Headers { get; }

    /// <summary>The record's Kafka timestamp (producer or log-append time).</summary>
    public DateTimeOffset Timestamp { get; }
}
