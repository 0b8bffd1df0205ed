using System.Globalization;
using System.Text.Json;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>The dead-letter record format. Downstream tables read it: keep names and formats exactly.</summary>
internal static class DeadLetterRecord
{
    public const string ReceivedAtFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public static string Key(KafkaPosition position) => position.ToString();

    public static byte[] Value(KafkaPosition position, string reason, byte[]? rawValue, DateTimeOffset receivedAt)
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
