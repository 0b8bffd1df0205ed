using OrleansPlans.Domain.Users;

namespace OrleansPlans.Domain.Plans;

/// <summary>
/// The order in which a plan's changes are made durable, answered and emitted: change the ledger, persist, then emit,
/// and answer only once the write succeeded — a caller that hears success drops what it sent (a user's outbox entry, a
/// merge step), so it must already be durable here. Emits are idempotent and follow the write, so a crash anywhere
/// re-emits rather than loses. The plan grain, the in-memory engine and the fault simulation all run this.
/// </summary>
public static class PlanWorkflow
{
    /// <summary>Emits what a previous activation changed, or took but never saw acknowledged, before it ended.</summary>
    public static Task ActivateAsync(PlanLedger ledger, ILedgerPorts ports)
    {
        ledger.ResumeAfterRestart();
        return ports.EmitPendingAsync();
    }

    /// <summary>Registers a user naming <paramref name="askedPlanId"/>; a merged plan forwards to its survivor.</summary>
    public static async Task<Registration> RegisterAsync(
        PlanLedger ledger, string askedPlanId, string userId, long forwardedVersion, IPlanPorts ports)
    {
        if (askedPlanId == ledger.PlanId && !ledger.Named)
        {
            ledger.MarkNamed();
            await CommitAsync(ports);
        }

        if (ledger.MergedInto is { } survivor)
        {
            return await ports.RegisterAtAsync(survivor.Root, askedPlanId, userId, Math.Max(forwardedVersion, survivor.Version));
        }

        var registration = ledger.AcceptUser(askedPlanId, userId, forwardedVersion);
        await CommitAsync(ports);
        return registration;
    }

    /// <summary>Applies a user's delta, or forwards it to the survivor.</summary>
    public static async Task ApplyAsync(PlanLedger ledger, PlanDeltaMessage message, IPlanPorts ports)
    {
        switch (ledger.Apply(message.UserId, message.Sequence, message.PlanId, message.Delta))
        {
            case DeltaOutcome.Forward:
                await ports.ApplyAtAsync(ledger.MergedInto!.Value.Root, message);
                break;
            case DeltaOutcome.Applied:
                await CommitAsync(ports);
                break;
            case DeltaOutcome.Duplicate:
                // A redelivery after a failure. That failure may have been this plan's write: then the delta is in
                // memory only, and the sender must not drop it from its outbox before a write makes it durable. The
                // commit also emits whatever the failure left unemitted.
                await CommitAsync(ports);
                break;
        }
    }

    /// <summary>Records that a valid event named this plan.</summary>
    public static Task MarkNamedAsync(PlanLedger ledger, ILedgerPorts ports)
    {
        // Committed even when already named: that may be the memory of a write that failed (merges only call this).
        ledger.MarkNamed();
        return CommitAsync(ports);
    }

    /// <summary>
    /// Merges this plan into <paramref name="survivor"/>: the hand-off is durable here before the survivor absorbs
    /// it, and kept until the survivor answered (a redelivered delta it already counts must not be forwarded).
    /// </summary>
    public static async Task<MergeMove> MergeIntoAsync(PlanLedger ledger, string mergeId, PlanResolution survivor, IPlanPorts ports)
    {
        var handOff = ledger.HandOff(mergeId, survivor);
        await CommitAsync(ports);
        var move = await ports.AbsorbAtAsync(survivor.Root, handOff, survivor.Version);
        ledger.ConfirmHandOff(mergeId);
        await ports.PersistAsync();
        return move;
    }

    /// <summary>Absorbs a merged plan's hand-off.</summary>
    public static async Task<MergeMove> AbsorbAsync(PlanLedger ledger, PlanHandOff handOff, long version, ILedgerPorts ports)
    {
        var move = ledger.Absorb(handOff, version);
        await CommitAsync(ports);
        return move;
    }

    /// <summary>Points this merged plan at a newer survivor.</summary>
    public static Task RetargetAsync(PlanLedger ledger, PlanResolution survivor, ILedgerPorts ports)
    {
        ledger.Retarget(survivor);
        return CommitAsync(ports);
    }

    /// <summary>
    /// The emit step (run one at a time, after a persist): takes the rows of durable writes, publishes them, and counts
    /// them acknowledged. On failure they are pending again (nothing is lost; a retry or the next commit emits them),
    /// and the failure is passed on.
    /// </summary>
    public static async Task EmitAsync(PlanLedger ledger, ILedgerPorts ports)
    {
        var changes = ledger.TakeRowChanges();
        if (changes.Count == 0)
        {
            return;
        }

        try
        {
            await ports.PublishAsync(changes);
            ledger.EmitAcknowledged();
        }
        catch
        {
            ledger.ResumeEmitting();
            throw;
        }
    }

    private static async Task CommitAsync(ILedgerPorts ports)
    {
        await ports.PersistAsync();
        await ports.EmitPendingAsync();
    }
}
