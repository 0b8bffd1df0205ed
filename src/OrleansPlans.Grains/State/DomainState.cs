using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OrleansPlans.Grains.State;

/// <summary>Reads and writes a domain object as the JSON bytes of a <see cref="JsonGrainState"/>, or as the parts of a <see cref="PartedGrainState"/>.</summary>
internal static class DomainState
{
    public static T Load<T>(IPersistentState<JsonGrainState> state, JsonTypeInfo<T> type, Func<T> create) =>
        state.State.Json is { Length: > 0 } json ? JsonSerializer.Deserialize(json, type) ?? create() : create();

    public static Task SaveAsync<T>(IPersistentState<JsonGrainState> state, T value, JsonTypeInfo<T> type)
    {
        state.State.Json = JsonSerializer.SerializeToUtf8Bytes(value, type);
        return state.WriteStateAsync();
    }

    /// <summary>
    /// <see cref="SaveAsync"/>, and when the write fails, <paramref name="grain"/>'s activation is discarded (once idle)
    /// before the failure is passed on: what it holds in memory is then not durable, and it must not act on it (answer
    /// or send anything from it); a fresh activation starts over from storage.
    /// </summary>
    public static Task SaveOrStartOverAsync<T>(IGrainBase grain, IPersistentState<JsonGrainState> state, T value, JsonTypeInfo<T> type) =>
        StartOverOnFailureAsync(grain, () => SaveAsync(state, value, type));

    /// <summary>
    /// Writes the <paramref name="changed"/> parts of a state kept in parts, with the same start-over on failure as
    /// <see cref="SaveOrStartOverAsync{T}"/>.
    /// </summary>
    public static Task SaveOrStartOverAsync(IGrainBase grain, IPersistentState<PartedGrainState> state, IReadOnlyDictionary<string, byte[]?> changed) =>
        StartOverOnFailureAsync(grain, () =>
        {
            state.State.Stage(changed);
            return state.WriteStateAsync();
        });

    private static async Task StartOverOnFailureAsync(IGrainBase grain, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
