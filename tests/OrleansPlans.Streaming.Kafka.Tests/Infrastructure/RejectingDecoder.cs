using System.Text;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>Decodes UTF-8 text; rejects values starting with <c>!</c> and throws on values starting with <c>boom</c>.</summary>
internal sealed class RejectingDecoder : IKafkaRecordDecoder
{
    public const string Reason = "value starts with '!' (test decoder)";

    public KafkaDecodeResult Decode(in KafkaRecord record)
    {
        var text = Encoding.UTF8.GetString(record.Value ?? []);
        if (text.StartsWith("boom", StringComparison.Ordinal))
        {
            throw new FormatException("the test decoder blew up");
        }

        return text.StartsWith('!') ? KafkaDecodeResult.Failure(Reason) : KafkaDecodeResult.Success(text);
    }
}
