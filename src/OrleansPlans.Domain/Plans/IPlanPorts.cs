using OrleansPlans.Domain.Users;

namespace OrleansPlans.Domain.Plans;

/// <summary>What a plan's workflow needs besides its own storage and emits: calls to the plan it was merged into.</summary>
public interface IPlanPorts : ILedgerPorts
{
    /// <summary>Registers a user with plan <paramref name="planId"/> (the survivor this plan forwards to).</summary>
    Task<Registration> RegisterAtAsync(string planId, string askedPlanId, string userId, long forwardedVersion);

    /// <summary>Applies a delta at plan <paramref name="planId"/> (the survivor this plan forwards to).</summary>
    Task ApplyAtAsync(string planId, PlanDeltaMessage message);

    /// <summary>Has plan <paramref name="planId"/> (the survivor) absorb this plan's hand-off.</summary>
    Task<MergeMove> AbsorbAtAsync(string planId, PlanHandOff handOff, long version);
}
