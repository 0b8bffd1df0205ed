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

/// <summary>Adapter over <see cref="UnattributedLedger"/>; reentrant with group commit like <see cref="PlanGrain"/>.</summary>
[Reentrant]
internal sealed class UnattributedDayGrain(
    [PersistentState("unattributed", PlanAnalyticsStorage.Name)] IPersistentState<PartedGrainState> state,
    IRowSink sink,
    TimeProvider time,
    IOptions<GroupCommitOptions> groupCommit)
    : Grain, IUnattributedDayGrain
{
    private UnattributedLedger _ledger = null!;
    private WriteBehind _writes = null!;
    private EmitRetry _emitRetry = null!;
    private SerialEmits _emits = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var day = DateOnly.ParseExact(this.GetPrimaryKeyString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Stored in parts (UnattributedLedgerParts): a write carries the users a delta touched, not every user of the day.
        _ledger = state.State.LoadedParts is { } parts ? UnattributedLedgerParts.Load(day, parts) : new UnattributedLedger(day);
        state.State.LoadedParts = null;
        state.State.Bind(() => UnattributedLedgerParts.All(_ledger));
        _emits = new SerialEmits(EmitNowAsync);
        _emitRetry = new EmitRetry(this, EmitAsync);
        _writes = new WriteBehind(SaveAsync, time, groupCommit.Value.WriteSpacing);
        _ledger.ResumeEmitting(); // a row taken but not acknowledged before a crash is emitted again
        return EmitAsync();
    }

    public async Task ApplyAsync(Immutable<UnattributedDeltaMessage> message)
    {
        var m = message.Value;
        _ledger.Apply(m.UserId, m.Sequence, m.Delta);

        // Also on a duplicate: the delta may be in memory only (this grain's write failed before), and the sender
        // drops it from its outbox once this call succeeds; the emit sends what a failure left unemitted.
        await _writes.FlushAsync();
        await EmitAsync();
    }

    private Task SaveAsync()
    {
        state.State.Stage(UnattributedLedgerParts.TakeUnsaved(_ledger));
        return state.WriteStateAsync();
    }

    public Task<UnattributedUsageDailyRow?> GetRowAsync() => Task.FromResult(_ledger.CurrentRow());

    // One emit at a time (the grain is reentrant); a previous emit's failure went to its own caller, its rows pending again.
    private Task EmitAsync() => _emits.RunAsync();

    private async Task EmitNowAsync()
    {
        if (_ledger.TakeRowChange() is { } change)
        {
            try
            {
                await sink.PublishAsync([change]);
                _ledger.EmitAcknowledged();
            }
            catch
            {
                _ledger.ResumeEmitting();
                _emitRetry.Schedule();
                throw;
            }
        }
    }
}
