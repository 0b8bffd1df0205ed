using Microsoft.Extensions.Logging;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Merges;
using OrleansPlans.Domain.Serialization;
using OrleansPlans.Grains.Diagnostics;
using OrleansPlans.Grains.Hosting;
using OrleansPlans.Grains.Projection;
using OrleansPlans.Grains.State;

namespace OrleansPlans.Grains;

/// <summary>Adapter over <see cref="MergeForest"/> and <see cref="MergeWorkflow"/>. Not reentrant: merges are decided one at a time.</summary>
internal sealed class MergeCoordinatorGrain(
    [PersistentState("merges", PlanAnalyticsStorage.Name)] IPersistentState<JsonGrainState> state,
    IRowSink sink,
    TimeProvider time,
    MergeMetrics metrics,
    ILogger<MergeCoordinatorGrain> logger)
    : Grain, IMergeCoordinatorGrain
{
    private MergeForest _forest = null!;
    private MergePorts _ports = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _forest = DomainState.Load(state, DomainJsonContext.Default.MergeForest, () => new MergeForest());
        _ports = new MergePorts(GrainFactory, sink, time);
        return MergeWorkflow.ResumeAsync(_forest, _ports, PersistAsync);
    }

    public async Task<MergeDecision> MergeAsync(Immutable<MergeRequest> request)
    {
        var started = time.GetTimestamp();
        var decision = await MergeWorkflow.ApplyAsync(_forest, request.Value, _ports, PersistAsync, time.GetUtcNow());
        metrics.MergeDecided(decision.Verdict.ToString(), time.GetElapsedTime(started));
        GrainLog.MergeDecided(logger, decision.MergeId, decision.SourcePlanId, decision.TargetPlanId, decision.Verdict.ToString(), decision.Reason);
        return decision;
    }

    public Task<MergeDecision?> GetDecisionAsync(string mergeId) => Task.FromResult(_forest.Decisions.GetValueOrDefault(mergeId));

    public Task<int> GetDecisionCountAsync() => Task.FromResult(_forest.Decisions.Count);

    public Task<MergePreview> PreviewAsync(string sourcePlanId, string targetPlanId) =>
        MergePreviewWorkflow.PreviewAsync(_forest, sourcePlanId, targetPlanId, _ports);

    // A failed write starts over from storage: later requests must not act on decisions that are not durable.
    private Task PersistAsync() => DomainState.SaveOrStartOverAsync(this, state, _forest, DomainJsonContext.Default.MergeForest);
}
