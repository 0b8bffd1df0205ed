using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Plans;

/// <summary>What absorbing a hand-off would make of a surviving plan: its figures before users reconcile, and the move.</summary>
/// <param name="Figures">The survivor's figures plus the hand-off's (a copy).</param>
/// <param name="Move">The users who would reconcile, and the alias map they would be told.</param>
public sealed record AbsorbPreview(PlanFigures Figures, MergeMove Move);
