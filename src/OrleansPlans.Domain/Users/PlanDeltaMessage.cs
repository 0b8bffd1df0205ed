using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Users;

/// <summary>A user's change to one plan's totals, numbered so that a redelivery is recognised and ignored.</summary>
public sealed record PlanDeltaMessage(string UserId, long Sequence, string PlanId, PlanFigures Delta);
