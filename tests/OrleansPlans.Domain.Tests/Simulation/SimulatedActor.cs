using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>
/// One simulated grain: what its storage holds (JSON and a version, as the grain storage keeps a row and its etag) and
/// which activation new calls reach. An activation that dies loses every change it had not written; one that is
/// orphaned (its queue moved, a directory race) lingers and finishes what it was doing while calls reach a new one.
/// </summary>
internal sealed class SimulatedActor<T>(
    string name, JsonTypeInfo<T> type, Func<T> create, bool reentrant, Func<SimulatedActivation<T>, Task> onActivate)
    where T : class
{
    private byte[]? _stored;
    private long _version;

    public string Name => name;

    /// <summary>Whether calls interleave at awaits (plans, days) or run one at a time (users, the coordinator).</summary>
    public bool Reentrant => reentrant;

    /// <summary>What a new activation does before any call (OnActivateAsync).</summary>
    public Func<SimulatedActivation<T>, Task> OnActivate => onActivate;

    /// <summary>The version storage holds now.</summary>
    public long StoredVersion => _version;

    /// <summary>The activation new calls reach, if there is one.</summary>
    public SimulatedActivation<T>? Current { get; private set; }

    /// <summary>The silo the next activation is placed on, when something decided it (a queue moved there).</summary>
    public int? NextSilo { get; set; }

    /// <summary>A new activation on <paramref name="silo"/>, from what storage holds.</summary>
    public SimulatedActivation<T> Activate(int silo)
    {
        var state = _stored is null ? create() : JsonSerializer.Deserialize(_stored, type)!;
        Current = new SimulatedActivation<T>(this, state, _version, silo);
        NextSilo = null;
        return Current;
    }

    /// <summary>
    /// Stores <paramref name="activation"/>'s state, unless the stored version moved on since it read or wrote it (an
    /// etag conflict: another activation wrote in between).
    /// </summary>
    public bool TryStore(SimulatedActivation<T> activation)
    {
        if (activation.Version != _version)
        {
            return false;
        }

        _stored = JsonSerializer.SerializeToUtf8Bytes(activation.State, type);
        activation.Version = ++_version;
        return true;
    }

    /// <summary>The current activation dies (its silo crashed, or it was discarded).</summary>
    public void Crash() => Current?.Kill();

    /// <summary>New calls go to a new activation on <paramref name="silo"/>; the current one lingers, alive.</summary>
    public void Orphan(int silo)
    {
        Current = null;
        NextSilo = silo;
    }

    /// <summary>Called by a dying activation.</summary>
    public void Forget(SimulatedActivation<T> activation)
    {
        if (Current == activation)
        {
            Current = null;
        }
    }
}
