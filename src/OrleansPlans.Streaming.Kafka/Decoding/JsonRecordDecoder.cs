using System.Text.Json;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>Decodes record values as System.Text.Json documents of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The Orleans-serializable item type.</typeparam>
public sealed class JsonRecordDecoder<T> : IKafkaRecordDecoder where T : class
{
    private readonly JsonSerializerOptions _serializerOptions;

    /// <summary>Creates the decoder; <paramref name="serializerOptions"/> defaults to <see cref="JsonSerializerDefaults.Web"/>.</summary>
    public JsonRecordDecoder(JsonSerializerOptions? serializerOptions = null)
        => _serializerOptions = serializerOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public KafkaDecodeResult Decode(in KafkaRecord record)
    {
        if (record.Value is null)
        {
            return KafkaDecodeResult.Failure("record has no value (tombstone)");
        }

        try
        {
            var item = JsonSerializer.Deserialize<T>(record.Value, _serializerOptions);
            return item is null
                ? KafkaDecodeResult.Failure("value is JSON null")
                : KafkaDecodeResult.Success(item);
        }
        catch (JsonException ex)
        {
            return KafkaDecodeResult.Failure($"value is not a valid {typeof(T).Name} JSON document: {ex.Message}");
        }
    }
}
