using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>
/// One simulated grain's state: what its storage holds (JSON, as the grains store it) and what its activation holds in
/// memory. A crash drops the activation; the next call activates it again from storage, losing every change it had not
/// written, exactly as a silo dying does.
/// </summary>
internal sealed class SimulatedActor<T>(JsonTypeInfo<T> type, Func<T> create, Action<T> onActivate)
    where T : class
{
    private byte[]? _stored;
    private T? _live;

    /// <summary>The activation, created (from storage, then <c>onActivate</c>) if there is none.</summary>
    public T Live
    {
        get
        {
            if (_live is null)
            {
                _live = _stored is null ? create() : JsonSerializer.Deserialize(_stored, type)!;
                try
                {
                    onActivate(_live);
                }
                catch
                {
                    // An activation whose OnActivateAsync throws is discarded; the next call tries again.
                    _live = null;
                    throw;
                }
            }

            return _live;
        }
    }

    /// <summary>Whether an activation exists now.</summary>
    public bool IsActive => _live is not null;

    /// <summary>Writes the activation's state to storage.</summary>
    public void Write() => _stored = JsonSerializer.SerializeToUtf8Bytes(_live ?? throw new InvalidOperationException("no activation to write"), type);

    /// <summary>The process hosting the activation died.</summary>
    public void Crash() => _live = null;
}
