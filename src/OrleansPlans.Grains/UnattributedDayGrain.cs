using System.Globalization;
using Microsoft.Extensions.Options;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Serialization;
using OrleansPlans.Domain.Users;
using OrleansPlans.Grains.Hosting;
using OrleansPlans.Grains.Projection;
using OrleansPlans.Grains.State;

namespace OrleansPlans.Grains;

/// <summary>Adapter running <see cref="UnattributedDayWorkflow"/> over <see cref="UnattributedLedger"/>; reentrant with group commit like <see cref="PlanGrain"/>.</summary>
[Reentrant]
internal sealed class UnattributedDayGrain(
    [PersistentState("unattributed", PlanAnalyticsStorage.Name)] IPersistentState<PartedGrainState> state,
    IRowSink sink,
    TimeProvider time,
    IOptions<GroupCommitOptions> groupCommit)
    : Grain, IUnattributedDayGrain, IUnattributedDayGrainInternal
{
    private UnattributedLedger _ledger = null!;
    private UnattributedDayPorts _ports = null!;
    private EmitRetry _emitRetry = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var day = DateOnly.ParseExact(this.GetPrimaryKeyString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Stored in parts (UnattributedLedgerParts): a write carries the users a delta touched, not every user of the day.
        _ledger = state.State.LoadedParts is { } parts ? UnattributedLedgerParts.Load(day, parts) : new UnattributedLedger(day);
        state.State.LoadedParts = null;
        state.State.Bind(() => UnattributedLedgerParts.All(_ledger));
        var writes = new WriteBehind(() => LedgerWrites.WriteAsync(_ledger, SaveAsync), time, groupCommit.Value.WriteSpacing);
        _ports = new UnattributedDayPorts(sink, writes, new SerialEmits(EmitNowAsync));
        _emitRetry = new EmitRetry(this, _ports.EmitPendingAsync);
        return UnattributedDayWorkflow.ActivateAsync(_ledger, _ports); // a row taken but not acknowledged before a crash is emitted again
    }

    public Task ApplyAsync(Immutable<UnattributedDeltaMessage> message) => UnattributedDayWorkflow.ApplyAsync(_ledger, message.Value, _ports);

    public Task<UnattributedUsageDailyRow?> GetRowAsync() => Task.FromResult(_ledger.CurrentRow());

    private Task SaveAsync()
    {
        state.State.Stage(UnattributedLedgerParts.TakeUnsaved(_ledger));
        return state.WriteStateAsync();
    }

    // One emit at a time (the grain is reentrant); a failed emit's row is pending again and a timer retries it.
    private async Task EmitNowAsync()
    {
        try
        {
            await UnattributedDayWorkflow.EmitAsync(_ledger, _ports);
        }
        catch
        {
            _emitRetry.Schedule();
            throw;
        }
    }
}
