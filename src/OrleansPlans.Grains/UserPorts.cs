using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Users;

namespace OrleansPlans.Grains;

/// <summary>A user grain's view of the rest of the cluster.</summary>
internal sealed class UserPorts(IGrainFactory grains) : IUserPorts
{
    public Task<Registration> RegisterAsync(string planId, string userId) =>
        grains.GetGrain<IPlanGrain>(planId).RegisterAsync(planId, userId, forwardedVersion: 0);

    public Task DeliverAsync(PlanDeltaMessage message) =>
        grains.GetGrain<IPlanGrain>(message.PlanId).ApplyAsync(message.AsImmutable());

    public Task DeliverAsync(UnattributedDeltaMessage message) =>
        grains.GetGrain<IUnattributedDayGrain>(RowFormat.Day(message.Day)).ApplyAsync(message.AsImmutable());
}
