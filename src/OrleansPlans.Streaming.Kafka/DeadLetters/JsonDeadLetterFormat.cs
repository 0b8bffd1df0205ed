using System.Globalization;
using System.Text.Json;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// The provider's generic dead-letter format, for applications that plug in none (<see cref="IKafkaDeadLetterFormat"/>):
/// the key is the position, the value a JSON object with the position, the reason, the raw value in base64 and when it
/// was refused. Readers of the topic depend on it: keep names and formats exactly.
/// </summary>
internal sealed class JsonDeadLetterFormat : IKafkaDeadLetterFormat
{
    public const string ReceivedAtFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public static readonly JsonDeadLetterFormat Instance = new();

    public string Key(KafkaPosition position) => position.ToString();

    public byte[] Value(KafkaPosition position, string reason, byte[]? rawValue, DateTimeOffset receivedAt)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 + (rawValue?.Length ?? 0) * 4 / 3);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("source_topic", position.Topic);
            writer.WriteNumber("source_partition", position.Partition);
            writer.WriteNumber("source_offset", position.Offset);
            writer.WriteString("reason", reason);
            if (rawValue is null)
            {
                writer.WriteNull("raw_value");
            }
            else
            {
                writer.WriteBase64String("raw_value", rawValue);
            }

            writer.WriteString("received_at", receivedAt.UtcDateTime.ToString(ReceivedAtFormat, CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
