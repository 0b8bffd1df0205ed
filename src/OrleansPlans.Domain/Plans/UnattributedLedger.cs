using System.Text.Json.Serialization;
using OrleansPlans.Domain.Figures;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Domain.Plans;

/// <summary>Usage of one UTC day that belongs to no plan, summed over all users.</summary>
public sealed class UnattributedLedger
{
    /// <summary>Creates the ledger of <paramref name="day"/>.</summary>
    public UnattributedLedger(DateOnly day) => Day = day;

    /// <summary>The UTC day.</summary>
    public DateOnly Day { get; }

    /// <summary>The day's unattributed usage.</summary>
    public Tally Total { get; set; }

    /// <summary>Highest delta sequence applied per user.</summary>
    public Dictionary<string, long> AppliedSequences { get; set; } = [];

    /// <summary>Whether the row changed since it was last emitted.</summary>
    public bool Changed { get; set; }

    /// <summary>
    /// Whether the row was taken for emitting and the emit is not acknowledged yet; kept in the state so a process
    /// dying mid-emit re-emits it on activation (see <see cref="PlanLedger.Emitting"/>).
    /// </summary>
    public bool Emitting { get; set; }

    /// <summary>
    /// Users whose applied sequence changed since <see cref="UnattributedLedgerParts.TakeUnsaved"/> last took them (a
    /// write in parts carries those and the small rest). Not part of the ledger's JSON.
    /// </summary>
    [JsonIgnore]
    public HashSet<string> UnsavedUsers { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Applies one user's change; false when that delta was already applied.</summary>
    public bool Apply(string userId, long sequence, Tally delta)
    {
        if (AppliedSequences.TryGetValue(userId, out var last) && last >= sequence)
        {
            return false;
        }

        AppliedSequences[userId] = sequence;
        UnsavedUsers.Add(userId);
        Total = Total.Plus(delta, 1);
        Changed = true;
        return true;
    }

    /// <summary>Forgets which users changed (their parts were taken for a write).</summary>
    internal void ForgetUnsaved() => UnsavedUsers = UnsavedUsers.Count > 256 ? new HashSet<string>(StringComparer.Ordinal) : ClearedUnsaved();

    /// <summary>The current row, or null when the day has no unattributed usage.</summary>
    public UnattributedUsageDailyRow? CurrentRow() =>
        Total.IsZero ? null : new UnattributedUsageDailyRow(Day, Total.Seconds, Total.Events);

    /// <summary>Takes the pending row change, if any.</summary>
    public RowChange? TakeRowChange()
    {
        if (!Changed)
        {
            return null;
        }

        Changed = false;
        Emitting = true;
        return new RowChange(OutputTables.UnattributedUsageDaily, UnattributedUsageDailyRow.KeyOf(Day), CurrentRow());
    }

    /// <summary>The row last taken was emitted (acknowledged).</summary>
    public void EmitAcknowledged() => Emitting = false;

    private HashSet<string> ClearedUnsaved()
    {
        UnsavedUsers.Clear();
        return UnsavedUsers;
    }

    /// <summary>A row taken but never acknowledged (a failed emit, or a restart) is pending again.</summary>
    public void ResumeEmitting()
    {
        Changed |= Emitting;
        Emitting = false;
    }
}
