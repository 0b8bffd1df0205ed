using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OrleansPlans.Grains.State;

/// <summary>Reads and writes a domain object as the JSON bytes of a <see cref="JsonGrainState"/>.</summary>
internal static class DomainState
{
    public static T Load<T>(IPersistentState<JsonGrainState> state, JsonTypeInfo<T> type, Func<T> create) =>
        state.State.Json is { Length: > 0 } json ? JsonSerializer.Deserialize(json, type) ?? create() : create();

    public static Task SaveAsync<T>(IPersistentState<JsonGrainState> state, T value, JsonTypeInfo<T> type)
    {
        state.State.Json = JsonSerializer.SerializeToUtf8Bytes(value, type);
        return state.WriteStateAsync();
    }
}
