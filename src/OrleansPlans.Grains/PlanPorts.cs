using Microsoft.Extensions.Logging;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Users;
using OrleansPlans.Grains.Projection;
using OrleansPlans.Grains.State;

namespace OrleansPlans.Grains;

/// <summary>A plan grain's view of its storage (group-committed), its emits (one at a time), the projector and its survivor.</summary>
internal sealed class PlanPorts(
    IGrainFactory grains, IRowSink sink, WriteBehind writes, SerialEmits emits, ILogger logger, string planId) : IPlanPorts
{
    public Task PersistAsync() => writes.FlushAsync();

    public Task EmitPendingAsync() => emits.RunAsync();

    public async Task PublishAsync(IReadOnlyList<RowChange> changes)
    {
        try
        {
            await sink.PublishAsync(changes);
        }
        catch (Exception e)
        {
            // Nothing is lost: the workflow marks every row changed, and a retry timer (or the next commit) emits them.
            GrainLog.EmitFailed(logger, planId, changes.Count, e);
            throw;
        }
    }

    public Task<Registration> RegisterAtAsync(string planId, string askedPlanId, string userId, long forwardedVersion) =>
        grains.GetGrain<IPlanGrainInternal>(planId).RegisterAsync(askedPlanId, userId, forwardedVersion);

    public Task ApplyAtAsync(string planId, PlanDeltaMessage message) =>
        grains.GetGrain<IPlanGrainInternal>(planId).ApplyAsync(message.AsImmutable());

    public Task<MergeMove> AbsorbAtAsync(string planId, PlanHandOff handOff, long version) =>
        grains.GetGrain<IPlanGrainInternal>(planId).AbsorbAsync(handOff.AsImmutable(), version);
}
