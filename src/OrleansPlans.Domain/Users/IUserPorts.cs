using OrleansPlans.Domain.Plans;

namespace OrleansPlans.Domain.Users;

/// <summary>What a user's workflow needs from the rest of the system (grain calls in a silo, direct calls in memory).</summary>
public interface IUserPorts
{
    /// <summary>Registers the user with the plan id its events name and learns where that id resolves.</summary>
    Task<Registration> RegisterAsync(string planId, string userId);

    /// <summary>Delivers a change to a plan's totals (forwarded to the survivor if the plan was merged).</summary>
    Task DeliverAsync(PlanDeltaMessage message);

    /// <summary>Delivers a change to a day's unattributed usage.</summary>
    Task DeliverAsync(UnattributedDeltaMessage message);
}
