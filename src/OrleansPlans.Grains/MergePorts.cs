using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Merges;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Users;
using OrleansPlans.Grains.Projection;

namespace OrleansPlans.Grains;

/// <summary>The merge coordinator's view of the rest of the cluster.</summary>
internal sealed class MergePorts(IGrainFactory grains, IRowSink sink, TimeProvider time) : IMergePorts, IMergePreviewPorts
{
    public Task MarkNamedAsync(string planId) => grains.GetGrain<IPlanGrainInternal>(planId).MarkNamedAsync();

    public Task<MergeMove> MoveAsync(string sourcePlanId, string mergeId, PlanResolution survivor) =>
        grains.GetGrain<IPlanGrainInternal>(sourcePlanId).MergeIntoAsync(mergeId, survivor);

    public Task RetargetAsync(string planId, PlanResolution survivor) => grains.GetGrain<IPlanGrainInternal>(planId).RetargetAsync(survivor);

    public Task ReconcileUserAsync(string userId, IReadOnlyDictionary<string, PlanResolution> survivorAliases) =>
        grains.GetGrain<IUserGrainInternal>(userId).ReconcileAsync(survivorAliases.AsImmutable());

    public Task<PlanHandOff> PreviewHandOffAsync(string sourcePlanId) =>
        grains.GetGrain<IPlanGrainInternal>(sourcePlanId).PreviewHandOffAsync(MergePreviewWorkflow.PreviewMergeId);

    public Task<AbsorbPreview> PreviewAbsorbAsync(string survivorPlanId, PlanHandOff handOff, long version) =>
        grains.GetGrain<IPlanGrainInternal>(survivorPlanId).PreviewAbsorbAsync(handOff.AsImmutable(), version);

    public Task<UserDelta> PreviewReconcileAsync(string userId, IReadOnlyDictionary<string, PlanResolution> survivorAliases) =>
        grains.GetGrain<IUserGrainInternal>(userId).PreviewReconcileAsync(survivorAliases.AsImmutable());

    public Task DeadLetterAsync(MergeRequest request, string reason)
    {
        var position = request.Position ?? new SourcePosition(StreamNamespaces.Merges, -1, -1);
        var row = new DeadLetterRow(position, reason, request.RawValue, time.GetUtcNow());
        return sink.PublishAsync([new RowChange(row.Table, row.Key, row)]);
    }
}
