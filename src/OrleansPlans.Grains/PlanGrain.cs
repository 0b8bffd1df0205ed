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
/// Adapter: calls in, <see cref="PlanWorkflow"/> over <see cref="PlanLedger"/>, group-committed writes and serialized
/// emits out (<see cref="PlanPorts"/>). Reentrant: every change happens synchronously between awaits, and the awaits are
/// group-committed writes and emits, so many users' deltas share one write (a plan is a hot aggregate).
/// </summary>
[Reentrant]
internal sealed class PlanGrain(
    [PersistentState("plan", PlanAnalyticsStorage.Name)] IPersistentState<PartedGrainState> state,
    IRowSink sink,
    TimeProvider time,
    IOptions<GroupCommitOptions> groupCommit,
    ILogger<PlanGrain> logger)
    : Grain, IPlanGrain, IPlanGrainInternal
{
    private PlanLedger _ledger = null!;
    private PlanPorts _ports = null!;
    private EmitRetry _emitRetry = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var planId = this.GetPrimaryKeyString();
        // Stored in parts (PlanLedgerParts): a write carries the rows, users and sequences that changed, not the ledger.
        _ledger = state.State.LoadedParts is { } parts ? PlanLedgerParts.Load(planId, parts) : new PlanLedger(planId);
        state.State.LoadedParts = null;
        state.State.Bind(() => PlanLedgerParts.All(_ledger));
        var writes = new WriteBehind(() => LedgerWrites.WriteAsync(_ledger, SaveAsync), time, groupCommit.Value.WriteSpacing);
        _ports = new PlanPorts(GrainFactory, sink, writes, new SerialEmits(EmitNowAsync), logger, planId);
        _emitRetry = new EmitRetry(this, _ports.EmitPendingAsync);

        // Rows changed, or taken but not acknowledged, before a crash may not have been emitted: emit them now (emits
        // are idempotent).
        return PlanWorkflow.ActivateAsync(_ledger, _ports);
    }

    public Task<Registration> RegisterAsync(string askedPlanId, string userId, long forwardedVersion) =>
        PlanWorkflow.RegisterAsync(_ledger, askedPlanId, userId, forwardedVersion, _ports);

    public Task ApplyAsync(Immutable<PlanDeltaMessage> message) => PlanWorkflow.ApplyAsync(_ledger, message.Value, _ports);

    public Task MarkNamedAsync() => PlanWorkflow.MarkNamedAsync(_ledger, _ports);

    public Task<MergeMove> MergeIntoAsync(string mergeId, PlanResolution survivor) =>
        PlanWorkflow.MergeIntoAsync(_ledger, mergeId, survivor, _ports);

    public Task<MergeMove> AbsorbAsync(Immutable<PlanHandOff> handOff, long version) =>
        PlanWorkflow.AbsorbAsync(_ledger, handOff.Value, version, _ports);

    public Task RetargetAsync(PlanResolution survivor) => PlanWorkflow.RetargetAsync(_ledger, survivor, _ports);

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

    // One emit at a time (the grain is reentrant); a failed emit's rows are pending again and a timer retries them.
    private async Task EmitNowAsync()
    {
        try
        {
            await PlanWorkflow.EmitAsync(_ledger, _ports);
        }
        catch
        {
            _emitRetry.Schedule();
            throw;
        }
    }
}
