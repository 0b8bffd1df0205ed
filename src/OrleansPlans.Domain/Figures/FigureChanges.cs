namespace OrleansPlans.Domain.Figures;

/// <summary>Which rows of a plan's figures changed since they were last emitted.</summary>
public sealed class FigureChanges
{
    /// <summary>Up to this many rows, a change set is cleared and reused after emitting rather than replaced.</summary>
    private const int ReuseLimit = 256;

    /// <summary>Changed hourly rows.</summary>
    public HashSet<DateTime> Hours { get; init; } = [];

    /// <summary>Changed daily rows.</summary>
    public HashSet<DateOnly> Days { get; init; } = [];

    /// <summary>Changed monthly rows (by the month's first day).</summary>
    public HashSet<DateOnly> Months { get; init; } = [];

    /// <summary>Changed content rows.</summary>
    public HashSet<string> Contents { get; init; } = [];

    /// <summary>Changed member rows.</summary>
    public HashSet<string> Members { get; init; } = [];

    /// <summary>Whether the plan's own row (status, merged_into, member_count) changed.</summary>
    public bool Plan { get; set; }

    /// <summary>True when nothing needs emitting.</summary>
    public bool IsEmpty => !Plan && Hours.Count == 0 && Days.Count == 0 && Months.Count == 0 && Contents.Count == 0 && Members.Count == 0;

    /// <summary>Adds every change of <paramref name="other"/> to this set.</summary>
    public void UnionWith(FigureChanges other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Hours.UnionWith(other.Hours);
        Days.UnionWith(other.Days);
        Months.UnionWith(other.Months);
        Contents.UnionWith(other.Contents);
        Members.UnionWith(other.Members);
        Plan |= other.Plan;
    }

    /// <summary>
    /// This set emptied: cleared when small, since clearing keeps the sets' capacity, which is cheap after a few rows;
    /// a new set after a large one (a merge marks thousands), so the capacity is not kept for good.
    /// </summary>
    public FigureChanges Emptied()
    {
        if (Hours.Count + Days.Count + Months.Count + Contents.Count + Members.Count > ReuseLimit)
        {
            return new FigureChanges();
        }

        Clear();
        return this;
    }

    /// <summary>Forgets everything (after the rows were emitted).</summary>
    public void Clear()
    {
        Hours.Clear();
        Days.Clear();
        Months.Clear();
        Contents.Clear();
        Members.Clear();
        Plan = false;
    }
}
