using System.Text.Json;
using Orleans.Storage;

namespace OrleansPlans.Grains.State;

/// <summary>
/// Stores a <see cref="JsonGrainState"/> as its JSON bytes, unchanged. Orleans' default storage serializer would wrap
/// the bytes in a Newtonsoft JSON document as base64: a second serialization of every write (a plan's state is
/// tens of kilobytes, written once per delivered batch) and a third more bytes stored. States written that way
/// before are still read.
/// </summary>
internal sealed class JsonGrainStateStorageSerializer : IGrainStorageSerializer
{
    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) => input is JsonGrainState state
        ? new BinaryData(state.Json ?? [])
        : throw new NotSupportedException($"The plan-analytics storage holds {nameof(JsonGrainState)} only, not {typeof(T)}.");

    /// <inheritdoc />
    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (typeof(T) != typeof(JsonGrainState))
        {
            throw new NotSupportedException($"The plan-analytics storage holds {nameof(JsonGrainState)} only, not {typeof(T)}.");
        }

        var bytes = input.ToMemory();
        var json = IsLegacyEnvelope(bytes.Span) ? ReadLegacyEnvelope(bytes.Span) : bytes.ToArray();
        return (T)(object)new JsonGrainState { Json = json is { Length: > 0 } ? json : null };
    }

    // Domain JSON (DomainJsonContext) never starts with a '$' property; Orleans' Newtonsoft envelope always does.
    private static bool IsLegacyEnvelope(ReadOnlySpan<byte> bytes) => bytes.StartsWith("{\"$"u8);

    private static byte[]? ReadLegacyEnvelope(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        using var document = JsonDocument.ParseValue(ref reader);
        if (!document.RootElement.TryGetProperty(nameof(JsonGrainState.Json), out var json) || json.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // With type names on, Newtonsoft writes a byte array as {"$type": "...", "$value": "<base64>"}.
        var value = json.ValueKind == JsonValueKind.Object ? json.GetProperty("$value") : json;
        return value.GetBytesFromBase64();
    }
}
