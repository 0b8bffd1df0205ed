using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Users;

/// <summary>
/// Spare deltas for the users of one process that knows when a delta is dead (the in-memory engine: its plans copy a
/// delta's values while it is delivered, and the user's outbox drops it right after). A usage commit's
/// <see cref="UserDelta"/> and its plans' four small dictionaries were about half of what the pure domain allocated per
/// event; reused, they cost nothing after the first few batches. A batch's list of pending usages is lent from here too. Not thread-safe; never used where deltas are stored or
/// sent (grains).
/// </summary>
internal sealed class DeltaSpares
{
    // A batch names one or two plans; more spares than this would only be kept for nothing.
    private const int MaxSpares = 16;

    private readonly Stack<PlanFigures> _figures = new();
    private UserDelta? _delta;

    // One list of pending usages, lent to the user whose batch is being ingested (one user at a time here).
    private List<UsageEvent>? _pendingUsages;

    /// <summary>Empty figures for a delta of <paramref name="usages"/> usage events (see <see cref="PlanFigures.ForUsages"/>).</summary>
    public PlanFigures Figures(int usages) => _figures.TryPop(out var spare) ? spare : PlanFigures.ForUsages(usages);

    /// <summary>Takes back figures nothing refers to any longer, emptied.</summary>
    public void Return(PlanFigures figures)
    {
        if (_figures.Count < MaxSpares)
        {
            figures.Clear();
            _figures.Push(figures);
        }
    }

    /// <summary>An empty delta.</summary>
    public UserDelta Delta()
    {
        var delta = _delta ?? new UserDelta();
        _delta = null;
        return delta;
    }

    /// <summary>An empty list for a user's pending usages (see <see cref="UserTimeline"/>).</summary>
    public List<UsageEvent> PendingUsages()
    {
        var usages = _pendingUsages ?? [];
        _pendingUsages = null;
        return usages;
    }

    /// <summary>Takes back a user's list of pending usages once they are committed, emptied.</summary>
    public void Return(List<UsageEvent> usages)
    {
        usages.Clear();
        _pendingUsages = usages;
    }

    /// <summary>Takes back a delta whose figures went on in messages (it no longer refers to them), emptied.</summary>
    public void Return(UserDelta delta)
    {
        delta.Clear();
        _delta = delta;
    }
}
