using OrleansPlans.Storage;

namespace OrleansPlans.Grains.State;

/// <summary>
/// Grain state as named parts (<see cref="IPartedGrainState"/>): the grain stages the parts its domain object changed
/// before each write, and a storage that writes parts writes only those; one that writes whole states asks for
/// <see cref="AllParts"/>, which the grain's live object answers. Runs on the grain's scheduler: no locks.
/// </summary>
public sealed class PartedGrainState : IPartedGrainState
{
    private Dictionary<string, byte[]?> _unsaved = new(StringComparer.Ordinal);
    private Func<IEnumerable<KeyValuePair<string, byte[]>>>? _all;

    /// <inheritdoc />
    public IReadOnlyList<KeyValuePair<string, byte[]>>? LoadedParts { get; set; }

    /// <summary>Makes <paramref name="all"/> (the grain's live object as parts) the answer to <see cref="AllParts"/>.</summary>
    public void Bind(Func<IEnumerable<KeyValuePair<string, byte[]>>> all) => _all = all;

    /// <summary>Records parts changed by the grain (null: removed), for the next write.</summary>
    public void Stage(IReadOnlyDictionary<string, byte[]?> changed)
    {
        foreach (var (name, value) in changed)
        {
            _unsaved[name] = value;
        }
    }

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, byte[]>> AllParts() => _all?.Invoke() ?? LoadedParts ?? [];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, byte[]?> TakeUnsaved()
    {
        var taken = _unsaved;
        _unsaved = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        return taken;
    }

    /// <inheritdoc />
    public void RestoreUnsaved(IReadOnlyDictionary<string, byte[]?> parts)
    {
        foreach (var (name, value) in parts)
        {
            _unsaved.TryAdd(name, value); // a part staged again since is newer
        }
    }
}
