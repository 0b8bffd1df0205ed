using System.Text.Json;
using Orleans.Storage;

namespace OrleansPlans.Grains.State;

/// <summary>
/// Stores a <see cref="JsonGrainState"/> as its JSON bytes, unchanged, and a <see cref="PartedGrainState"/> (for storages
/// that keep whole states) as all its parts. Orleans' default storage serializer would wrap
/// the bytes in a Newtonsoft JSON document as base64: a second serialization of every write (a plan's state is
/// tens of kilobytes, written once per delivered batch) and a third more bytes stored. States written that way
/// before are still read.
/// </summary>
internal sealed class JsonGrainStateStorageSerializer : IGrainStorageSerializer
{
    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) => input switch
    {
        JsonGrainState state => new BinaryData(state.Json ?? []),
        PartedGrainState parted => SerializeParts(parted),
        _ => throw new NotSupportedException($"The plan-analytics storage holds {nameof(JsonGrainState)} and {nameof(PartedGrainState)} only, not {typeof(T)}."),
    };

    /// <inheritdoc />
    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (typeof(T) == typeof(PartedGrainState))
        {
            return (T)(object)DeserializeParts(input);
        }

        if (typeof(T) != typeof(JsonGrainState))
        {
            throw new NotSupportedException($"The plan-analytics storage holds {nameof(JsonGrainState)} and {nameof(PartedGrainState)} only, not {typeof(T)}.");
        }

        var bytes = input.ToMemory();
        var json = IsLegacyEnvelope(bytes.Span) ? ReadLegacyEnvelope(bytes.Span) : bytes.ToArray();
        return (T)(object)new JsonGrainState { Json = json is { Length: > 0 } ? json : null };
    }

    // A storage that keeps whole states (memory, Orleans' ADO.NET) stores every part, as one JSON object of base64
    // values; what was unsaved is in it, so nothing stays unsaved.
    private static BinaryData SerializeParts(PartedGrainState parted)
    {
        parted.TakeUnsaved();
        return new BinaryData(JsonSerializer.SerializeToUtf8Bytes(
            parted.AllParts().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StateJsonContext.Default.DictionaryStringByteArray));
    }

    private static PartedGrainState DeserializeParts(BinaryData input) => new()
    {
        LoadedParts = input.ToMemory().Length == 0 ? null
            : [.. JsonSerializer.Deserialize(input.ToMemory().Span, StateJsonContext.Default.DictionaryStringByteArray) ?? []],
    };

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
