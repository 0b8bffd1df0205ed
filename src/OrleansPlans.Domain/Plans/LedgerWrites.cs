namespace OrleansPlans.Domain.Plans;

/// <summary>The write step of the plan and unattributed-day ledgers, shared by their grains and the fault simulation.</summary>
public static class LedgerWrites
{
    /// <summary>
    /// Runs a storage write that serializes <paramref name="ledger"/> synchronously when called: the rows of the changes
    /// it stores are captured in the same step and become publishable only once it succeeded; if it fails, those
    /// changes wait for the next write. Without this, a reentrant grain's emit after one write published rows of
    /// changes other calls made during that write, before any write stored them (the fault simulation found it: a plan
    /// dying then, with a merge moving its users' redelivered deltas elsewhere, kept rows no durable state had).
    /// </summary>
    public static async Task WriteAsync(ICapturesRows ledger, Func<Task> write)
    {
        ledger.CaptureForWrite();
        try
        {
            await write();
        }
        catch
        {
            ledger.WriteFailed();
            throw;
        }

        ledger.WriteSucceeded();
    }
}
