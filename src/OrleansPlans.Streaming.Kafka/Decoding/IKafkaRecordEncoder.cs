namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// Turns an item published on a stream into a Kafka record value. Resolved from DI as a keyed service under the provider
/// name, else the unkeyed service, else <see cref="JsonRecordEncoder"/>.
/// </summary>
public interface IKafkaRecordEncoder
{
    /// <summary>Encodes one item; the record key is always the stream key.</summary>
    byte[] Encode(object item);
}
