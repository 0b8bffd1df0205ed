using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Plans;

/// <summary>
/// The part of a <see cref="PlanLedger"/> persisted whole on every write (see <see cref="PlanLedgerParts"/>): everything
/// but the figures, users and applied sequences, which are parts of their own. Small, except while a hand-off waits
/// for its survivor's confirmation.
/// </summary>
public sealed record PlanLedgerHeader(
    bool Named,
    PlanResolution? MergedInto,
    string? MergedBy,
    Dictionary<string, PlanResolution> Aliases,
    Dictionary<string, List<string>> AbsorbedMerges,
    PlanHandOff? PendingHandOff,
    FigureChanges Changes,
    FigureChanges Emitting);
