using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Users;

namespace OrleansPlans.Grains;

/// <summary>A user grain's view of the rest of the cluster.</summary>
internal sealed class UserPorts(IGrainFactory grains) : IUserPorts
{
    // A user talks to the same one or two plans batch after batch. Orleans' GetGrain resolves the interface type by
    // reflection on every call (a few percent of the grains' CPU in the engine benchmark); a reference, once made,
    // is immutable and can be reused. The user grain is not reentrant, so no locking.
    private readonly Dictionary<string, IPlanGrainInternal> _plans = new(StringComparer.Ordinal);

    public Task<Registration> RegisterAsync(string planId, string userId) =>
        Plan(planId).RegisterAsync(planId, userId, forwardedVersion: 0);

    public Task DeliverAsync(PlanDeltaMessage message) =>
        Plan(message.PlanId).ApplyAsync(message.AsImmutable());

    public Task DeliverAsync(UnattributedDeltaMessage message) =>
        grains.GetGrain<IUnattributedDayGrainInternal>(RowFormat.Day(message.Day)).ApplyAsync(message.AsImmutable());

    private IPlanGrainInternal Plan(string planId)
    {
        if (!_plans.TryGetValue(planId, out var plan))
        {
            plan = grains.GetGrain<IPlanGrainInternal>(planId);
            _plans[planId] = plan;
        }

        return plan;
    }
}
