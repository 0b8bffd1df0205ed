using System.Globalization;
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
    [PersistentState("unattributed", PlanAnalyticsStorage.Name)] IPersistentState<JsonGrainState> state,
    IRowSink sink)
    : Grain, IUnattributedDayGrain
{
    private UnattributedLedger _ledger = null!;
    private WriteBehind _writes = null!;
    private EmitRetry _emitRetry = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var day = DateOnly.ParseExact(this.GetPrimaryKeyString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        _ledger = DomainState.Load(state, DomainJsonContext.Default.UnattributedLedger, () => new UnattributedLedger(day));
        _emitRetry = new EmitRetry(this, EmitAsync);
        _writes = new WriteBehind(() => DomainState.SaveAsync(state, _ledger, DomainJsonContext.Default.UnattributedLedger));
        return EmitAsync();
    }

    public async Task ApplyAsync(Immutable<UnattributedDeltaMessage> message)
    {
        var m = message.Value;
        if (_ledger.Apply(m.UserId, m.Sequence, m.Delta))
        {
            await _writes.FlushAsync();
        }

        // Also on a duplicate: a redelivery after a failure emits what that failure left unemitted.
        await EmitAsync();
    }

    public Task<UnattributedUsageDailyRow?> GetRowAsync() => Task.FromResult(_ledger.CurrentRow());

    private async Task EmitAsync()
    {
        if (_ledger.TakeRowChange() is { } change)
        {
            try
            {
                await sink.PublishAsync([change]);
            }
            catch
            {
                _ledger.Changed = true;
                _emitRetry.Schedule();
                throw;
            }
        }
    }
}
