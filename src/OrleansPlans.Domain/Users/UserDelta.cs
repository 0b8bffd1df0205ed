using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Users;

/// <summary>What one user's change adds to (or takes from) each surviving plan and to the unattributed days.</summary>
public sealed class UserDelta
{
    /// <summary>Changes per surviving plan id; never holds an empty entry.</summary>
    public Dictionary<string, PlanFigures> Plans { get; init; } = [];

    /// <summary>Changes of unattributed usage per UTC day; never holds a zero entry.</summary>
    public Dictionary<DateOnly, Tally> Unattributed { get; init; } = [];

    /// <summary>True when nothing changed.</summary>
    public bool IsEmpty => Plans.Count == 0 && Unattributed.Count == 0;
}
