using OrleansPlans.Domain.Operations;
using OrleansPlans.Domain.Serialization;
using OrleansPlans.Grains.Hosting;
using OrleansPlans.Grains.State;

namespace OrleansPlans.Grains.Operations;

/// <summary>Adapter over <see cref="MergeRequestRecord"/>. Not reentrant: calls with one request id are taken in turn.</summary>
internal sealed class MergeRequestGrain(
    [PersistentState("merge-request", PlanAnalyticsStorage.Name)] IPersistentState<JsonGrainState> state)
    : Grain, IMergeRequestGrain
{
    private MergeRequestRecord? _record;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _record = DomainState.Load<MergeRequestRecord?>(state, DomainJsonContext.Default.MergeRequestRecord, () => null);
        return Task.CompletedTask;
    }

    public async Task<MergeRequestAdmission> AdmitAsync(OperatorMergeRequest request, RequestOrigin origin)
    {
        if (request.RequestId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"request '{request.RequestId}' was sent to the grain of '{this.GetPrimaryKeyString()}'", nameof(request));
        }

        var admission = MergeRequestRecord.Admit(_record, request, origin);
        if (admission.Outcome == MergeRequestAdmission.Created)
        {
            // Listed before it is stored: a crash in between leaves an id whose grain is empty, which the audit list
            // skips, and the retry stores it; never a stored request missing from the list.
            await GrainFactory.GetGrain<IMergeAuditLogGrainInternal>(0).AppendAsync(request.RequestId);
        }

        await SaveAsync(admission.Record);
        return admission;
    }

    public async Task<MergeRequestRecord> RecordPublishAsync(RequestOrigin origin, string? failure)
    {
        var record = _record ?? throw new InvalidOperationException($"merge request '{this.GetPrimaryKeyString()}' was never made");
        record.RecordPublish(origin, failure);
        await SaveAsync(record);
        return record;
    }

    public Task<MergeRequestRecord?> GetAsync() => Task.FromResult(_record);

    private async Task SaveAsync(MergeRequestRecord record)
    {
        try
        {
            await DomainState.SaveAsync(state, record, DomainJsonContext.Default.MergeRequestRecord);
            _record = record;
        }
        catch
        {
            // The in-memory record may hold changes that were not stored: forget it, reload on next activation.
            DeactivateOnIdle();
            throw;
        }
    }
}
