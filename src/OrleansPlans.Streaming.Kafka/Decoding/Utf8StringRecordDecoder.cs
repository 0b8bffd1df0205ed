using System.Text;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>The default decoder: the record value as a UTF-8 <see cref="string"/>. Tombstones and invalid UTF-8 are dead-lettered.</summary>
public sealed class Utf8StringRecordDecoder : IKafkaRecordDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <inheritdoc />
    public KafkaDecodeResult Decode(in KafkaRecord record)
    {
        if (record.Value is null)
        {
            return KafkaDecodeResult.Failure("record has no value (tombstone)");
        }

        try
        {
            return KafkaDecodeResult.Success(StrictUtf8.GetString(record.Value));
        }
        catch (DecoderFallbackException)
        {
            return KafkaDecodeResult.Failure("value is not valid UTF-8");
        }
    }
}
