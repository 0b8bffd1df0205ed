using System.Text.Json;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>The default encoder: the item's runtime type serialized with System.Text.Json (web defaults, camelCase).</summary>
public sealed class JsonRecordEncoder : IKafkaRecordEncoder
{
    private readonly JsonSerializerOptions _serializerOptions;

    /// <summary>Creates the encoder; <paramref name="serializerOptions"/> defaults to <see cref="JsonSerializerDefaults.Web"/>.</summary>
    public JsonRecordEncoder(JsonSerializerOptions? serializerOptions = null)
        => _serializerOptions = serializerOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public byte[] Encode(object item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return JsonSerializer.SerializeToUtf8Bytes(item, item.GetType(), _serializerOptions);
    }
}
