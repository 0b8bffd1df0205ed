using OrleansPlans.Domain.Operations;
using OrleansPlans.Domain.Serialization;
using OrleansPlans.Grains.Hosting;
using OrleansPlans.Grains.State;

namespace OrleansPlans.Grains.Operations;

/// <summary>Adapter over <see cref="MergeAuditLog"/> (key 0).</summary>
internal sealed class MergeAuditLogGrain(
    [PersistentState("merge-audit-log", PlanAnalyticsStorage.Name)] IPersistentState<JsonGrainState> state)
    : Grain, IMergeAuditLogGrain, IMergeAuditLogGrainInternal
{
    private MergeAuditLog _log = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _log = DomainState.Load(state, DomainJsonContext.Default.MergeAuditLog, () => new MergeAuditLog());
        return Task.CompletedTask;
    }

    public async Task AppendAsync(string requestId)
    {
        if (!_log.Append(requestId))
        {
            return;
        }

        try
        {
            await DomainState.SaveAsync(state, _log, DomainJsonContext.Default.MergeAuditLog);
        }
        catch
        {
            // The id is listed in memory but not stored: reload on the next call, so the caller's retry stores it.
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<MergeAuditPage> GetPageAsync(int page, int pageSize) =>
        Task.FromResult(new MergeAuditPage(_log.RequestIds.Count, _log.Page(page, pageSize)));
}
