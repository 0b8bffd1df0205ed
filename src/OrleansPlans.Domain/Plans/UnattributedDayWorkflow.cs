using OrleansPlans.Domain.Users;

namespace OrleansPlans.Domain.Plans;

/// <summary>
/// <see cref="PlanWorkflow"/>'s order for a day's unattributed usage: apply, persist, answer, emit. The unattributed-day
/// grain, the in-memory engine and the fault simulation all run this.
/// </summary>
public static class UnattributedDayWorkflow
{
    /// <summary>Emits a row a previous activation took but never saw acknowledged before it ended.</summary>
    public static Task ActivateAsync(UnattributedLedger ledger, ILedgerPorts ports)
    {
        ledger.ResumeAfterRestart();
        return ports.EmitPendingAsync();
    }

    /// <summary>Applies a user's delta.</summary>
    public static async Task ApplyAsync(UnattributedLedger ledger, UnattributedDeltaMessage message, ILedgerPorts ports)
    {
        ledger.Apply(message.UserId, message.Sequence, message.Delta);

        // Also on a duplicate: the delta may be in memory only (this day's write failed before), and the sender
        // drops it from its outbox once this call succeeds; the emit sends what a failure left unemitted.
        await ports.PersistAsync();
        await ports.EmitPendingAsync();
    }

    /// <summary>The emit step (one at a time, after a persist): take the row, publish, acknowledge; on failure it is pending again.</summary>
    public static async Task EmitAsync(UnattributedLedger ledger, ILedgerPorts ports)
    {
        if (ledger.TakeRowChange() is not { } change)
        {
            return;
        }

        try
        {
            await ports.PublishAsync([change]);
            ledger.EmitAcknowledged();
        }
        catch
        {
            ledger.ResumeEmitting();
            throw;
        }
    }
}
