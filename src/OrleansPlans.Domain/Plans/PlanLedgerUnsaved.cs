using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Plans;

/// <summary>
/// What changed in a <see cref="PlanLedger"/> since its parts were last taken for persisting (see
/// <see cref="PlanLedgerParts"/>): the figure rows, users and applied sequences touched. The ledger's other fields
/// are small and persisted with every write.
/// </summary>
public sealed class PlanLedgerUnsaved
{
    /// <summary>Figure rows (hours, days, contents, members) touched.</summary>
    public FigureChanges Figures { get; private set; } = new();

    /// <summary>Users added (or dropped, by a hand-off).</summary>
    public HashSet<string> Users { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Applied sequences changed, by addressed plan id and user.</summary>
    public HashSet<(string PlanId, string UserId)> Sequences { get; private set; } = [];

    /// <summary>Forgets everything (the parts were taken); large sets are replaced so their capacity is not kept.</summary>
    internal void Clear()
    {
        Figures = Figures.Emptied();
        Users = Users.Count > 256 ? new HashSet<string>(StringComparer.Ordinal) : Clear(Users);
        Sequences = Sequences.Count > 256 ? [] : Clear(Sequences);
    }

    private static HashSet<T> Clear<T>(HashSet<T> set)
    {
        set.Clear();
        return set;
    }
}
