using System.Runtime.InteropServices;
using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Users;

/// <summary>What one user's change adds to (or takes from) each surviving plan and to the unattributed days.</summary>
public sealed class UserDelta
{
    private Dictionary<DateOnly, Tally>? _unattributed;

    /// <summary>Changes per surviving plan id; never holds an empty entry.</summary>
    public Dictionary<string, PlanFigures> Plans { get; init; } = [];

    /// <summary>Changes of unattributed usage per UTC day; never holds a zero entry.</summary>
    /// <remarks>Made on first use: most deltas are usage of a member, which is attributed.</remarks>
    public Dictionary<DateOnly, Tally> Unattributed
    {
        get => _unattributed ??= [];
        init => _unattributed = value;
    }

    /// <summary>True when nothing changed.</summary>
    public bool IsEmpty => Plans.Count == 0 && (_unattributed is null || _unattributed.Count == 0);

    /// <summary>Adds <paramref name="change"/> to the unattributed usage of <paramref name="day"/>.</summary>
    internal void AddUnattributed(DateOnly day, Tally change)
    {
        ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(Unattributed, day, out _);
        tally = tally.Plus(change, 1);
    }

    /// <summary>The unattributed changes, or null when there are none (without making the map).</summary>
    internal Dictionary<DateOnly, Tally>? UnattributedIfAny => _unattributed;

    /// <summary>Forgets every entry, keeping the tables' capacity (see <see cref="DeltaSpares"/>).</summary>
    internal void Clear()
    {
        Plans.Clear();
        _unattributed?.Clear();
    }
}
