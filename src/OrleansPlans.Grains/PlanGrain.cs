using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Serialization;
using OrleansPlans.Domain.Users;
using OrleansPlans.Grains.Hosting;
using OrleansPlans.Grains.Projection;
using OrleansPlans.Grains.State;

namespace OrleansPlans.Grains;

/// <summary>
/// Adapter over <see cref="PlanLedger"/>. Reentrant: every change happens synchronously between awaits, and the
/// awaits are group-committed writes and emits, so many users' deltas share one write (a plan is a hot aggregate).
/// </summary>
[Reentrant]
internal sealed class PlanGrain(
    [PersistentState("plan", PlanAnalyticsStorage.Name)] IPersistentState<PartedGrainState> state,
    IRowSink sink,
    TimeProvider time,
    IOptions<GroupCommitOptions> groupCommit,
    ILogger<PlanGrain> logger)
    : Grain, IPlanGrain
{
    private PlanLedger _ledger = null!;
    private WriteBehind _writes = null!;
    private EmitRetry _emitRetry = null!;
    private SerialEmits _emits = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var planId = this.GetPrimaryKeyString();
        // Stored in parts (PlanLedgerParts): a write carries the rows, users and sequences that changed, not the ledger.
        _ledger = state.State.LoadedParts is { } parts ? PlanLedgerParts.Load(planId, parts) : new PlanLedger(planId);
        state.State.LoadedParts = null;
        state.State.Bind(() => PlanLedgerParts.All(_ledger));
        _emits = new SerialEmits(EmitNowAsync);
        _emitRetry = new EmitRetry(this, EmitAsync);
        _writes = new WriteBehind(SaveAsync, time, groupCommit.Value.WriteSpacing);

        // Rows changed, or taken but not acknowledged, before a crash may not have been emitted: emit them now (emits
        // are idempotent).
        _ledger.ResumeEmitting();
        return EmitAsync();
    }

    public async Task<Registration> RegisterAsync(string askedPlanId, string userId, long forwardedVersion)
    {
        if (askedPlanId == _ledger.PlanId && !_ledger.Named)
        {
            _ledger.MarkNamed();
            await CommitAsync();
        }

        if (_ledger.MergedInto is { } survivor)
        {
            return await Survivor().RegisterAsync(askedPlanId, userId, Math.Max(forwardedVersion, survivor.Version));
        }

        var registration = _ledger.AcceptUser(askedPlanId, userId, forwardedVersion);
        await CommitAsync();
        return registration;
    }

    public async Task ApplyAsync(Immutable<PlanDeltaMessage> message)
    {
        var m = message.Value;
        switch (_ledger.Apply(m.UserId, m.Sequence, m.PlanId, m.Delta))
        {
            case DeltaOutcome.Forward:
                await Survivor().ApplyAsync(message);
                break;
            case DeltaOutcome.Applied:
                await CommitAsync();
                break;
            case DeltaOutcome.Duplicate:
                // A redelivery after a failure. That failure may have been this grain's write: then the delta is in
                // memory only, and the sender must not drop it from its outbox before a write makes it durable. The
                // commit also emits whatever the failure left unemitted.
                await CommitAsync();
                break;
        }
    }

    public async Task MarkNamedAsync()
    {
        // Committed even when already named: that may be the memory of a write that failed (merges only call this).
        _ledger.MarkNamed();
        await CommitAsync();
    }

    public async Task<MergeMove> MergeIntoAsync(string mergeId, PlanResolution survivor)
    {
        var handOff = _ledger.HandOff(mergeId, survivor);
        await CommitAsync();
        var move = await GrainFactory.GetGrain<IPlanGrain>(survivor.Root).AbsorbAsync(handOff.AsImmutable(), survivor.Version);
        _ledger.ConfirmHandOff(mergeId);
        await _writes.FlushAsync();
        return move;
    }

    public async Task<MergeMove> AbsorbAsync(Immutable<PlanHandOff> handOff, long version)
    {
        var move = _ledger.Absorb(handOff.Value, version);
        await CommitAsync();
        return move;
    }

    public async Task RetargetAsync(PlanResolution survivor)
    {
        _ledger.Retarget(survivor);
        await CommitAsync();
    }

    public Task<PlanHandOff> PreviewHandOffAsync(string mergeId) => Task.FromResult(_ledger.PreviewHandOff(mergeId));

    public Task<AbsorbPreview> PreviewAbsorbAsync(Immutable<PlanHandOff> handOff, long version) =>
        Task.FromResult(_ledger.PreviewAbsorb(handOff.Value, version));

    public Task<IReadOnlyList<OutputRow>> GetRowsAsync() => Task.FromResult<IReadOnlyList<OutputRow>>(_ledger.CurrentRows().ToList());

    public Task<PlanResolution> GetResolutionAsync() =>
        Task.FromResult(_ledger.MergedInto ?? PlanResolution.Self(_ledger.PlanId));

    private Task SaveAsync()
    {
        state.State.Stage(PlanLedgerParts.TakeUnsaved(_ledger));
        return state.WriteStateAsync();
    }

    private IPlanGrain Survivor() => GrainFactory.GetGrain<IPlanGrain>(_ledger.MergedInto!.Value.Root);

    private async Task CommitAsync()
    {
        await _writes.FlushAsync();
        await EmitAsync();
    }

    // One emit at a time (the grain is reentrant); a previous emit's failure went to its own caller, its rows pending again.
    private Task EmitAsync() => _emits.RunAsync();

    private async Task EmitNowAsync()
    {
        var changes = _ledger.TakeRowChanges();
        if (changes.Count == 0)
        {
            return;
        }

        try
        {
            await sink.PublishAsync(changes);
            _ledger.EmitAcknowledged();
        }
        catch (Exception e)
        {
            // Nothing is lost: every row is marked changed and emitted again by a retry timer (or the next commit).
            GrainLog.EmitFailed(logger, _ledger.PlanId, changes.Count, e);
            _ledger.ResumeEmitting();
            _ledger.MarkAllChanged();
            _emitRetry.Schedule();
            throw;
        }
    }
}
