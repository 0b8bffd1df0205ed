namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// Turns a consumed Kafka record into the item delivered to stream consumers. Resolved from DI as a keyed service under
/// the provider name, else the unkeyed service, else <see cref="Utf8StringRecordDecoder"/>.
/// </summary>
/// <remarks>
/// Return <see cref="KafkaDecodeResult.Failure"/> for records that cannot be used; a decoder that throws is treated the same.
/// Either way the record goes to the dead-letter topic and reading goes on. The record's position is in
/// <see cref="KafkaRecord.Position"/>; decoders may embed it in the item, and consumers also get it from the
/// <see cref="KafkaSequenceToken"/> each item is delivered with. Called on the pulling agent; keep it fast and thread-safe.
/// </remarks>
public interface IKafkaRecordDecoder
{
    /// <summary>Decodes one record.</summary>
    KafkaDecodeResult Decode(in KafkaRecord record);
}
