using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Users;

/// <summary>A user's change to one day's unattributed usage, numbered like <see cref="PlanDeltaMessage"/>.</summary>
public sealed record UnattributedDeltaMessage(string UserId, long Sequence, DateOnly Day, Tally Delta);
