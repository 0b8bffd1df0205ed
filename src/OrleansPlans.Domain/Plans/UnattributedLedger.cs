using System.Text.Json.Serialization;
using OrleansPlans.Domain.Figures;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Domain.Plans;

/// <summary>Usage of one UTC day that belongs to no plan, summed over all users.</summary>
public sealed class UnattributedLedger : ICapturesRows
{
    /// <summary>Creates the ledger of <paramref name="day"/>.</summary>
    public UnattributedLedger(DateOnly day) => Day = day;

    /// <summary>The UTC day.</summary>
    public DateOnly Day { get; }

    /// <summary>The day's unattributed usage.</summary>
    public Tally Total { get; set; }

    /// <summary>Highest delta sequence applied per user.</summary>
    public Dictionary<string, long> AppliedSequences { get; set; } = [];

    /// <summary>Whether the row changed since a write last captured it (<see cref="CaptureForWrite"/>).</summary>
    public bool Changed { get; set; }

    /// <summary>
    /// Whether a captured row's emit is not acknowledged yet; kept in the state so a process dying first re-emits it on
    /// activation (see <see cref="PlanLedger.Emitting"/>).
    /// </summary>
    public bool Emitting { get; set; }

    // The row captured by the write in flight, the last one made durable and not emitted yet, and the one being emitted.
    private RowChange? _pending;
    private RowChange? _ready;
    private RowChange? _taken;

    /// <summary>
    /// Users whose applied sequence changed since <see cref="UnattributedLedgerParts.TakeUnsaved"/> last took them; null
    /// until the ledger is stored in parts (see <see cref="PlanLedger.Unsaved"/>) (a
    /// write in parts carries those and the small rest). Not part of the ledger's JSON.
    /// </summary>
    [JsonIgnore]
    public HashSet<string>? UnsavedUsers { get; internal set; }

    /// <summary>Applies one user's change; false when that delta was already applied.</summary>
    public bool Apply(string userId, long sequence, Tally delta)
    {
        if (AppliedSequences.TryGetValue(userId, out var last) && last >= sequence)
        {
            return false;
        }

        AppliedSequences[userId] = sequence;
        UnsavedUsers?.Add(userId);
        Total = Total.Plus(delta, 1);
        Changed = true;
        return true;
    }

    /// <summary>Forgets which users changed (their parts were taken for a write).</summary>
    internal void ForgetUnsaved()
    {
        // Cleared when small (keeping its capacity is cheap), replaced after a large one so the capacity is not kept.
        if (UnsavedUsers is { Count: <= 256 } users)
        {
            users.Clear();
        }
        else
        {
            UnsavedUsers = new HashSet<string>(StringComparer.Ordinal);
        }
    }

    /// <summary>The current row, or null when the day has no unattributed usage.</summary>
    public UnattributedUsageDailyRow? CurrentRow() =>
        Total.IsZero ? null : new UnattributedUsageDailyRow(Day, Total.Seconds, Total.Events);

    /// <inheritdoc />
    public void CaptureForWrite()
    {
        if (Changed)
        {
            _pending = new RowChange(OutputTables.UnattributedUsageDaily, UnattributedUsageDailyRow.KeyOf(Day), CurrentRow());
            Changed = false;
            Emitting = true;
        }
    }

    /// <inheritdoc />
    public void WriteSucceeded()
    {
        if (_pending is not null)
        {
            _ready = _pending; // the newer value
            _pending = null;
        }
    }

    /// <inheritdoc />
    public void WriteFailed()
    {
        if (_pending is not null)
        {
            Changed = true;
            _pending = null;
            Emitting = _ready is not null || _taken is not null;
        }
    }

    /// <summary>Takes the row of the last durable write not emitted yet, if any (one emit at a time).</summary>
    public RowChange? TakeRowChange()
    {
        if (_ready is null)
        {
            return null;
        }

        (_taken, _ready) = (_ready, null);
        return _taken;
    }

    /// <summary>The row last taken was emitted (acknowledged).</summary>
    public void EmitAcknowledged()
    {
        _taken = null;
        Emitting = _ready is not null || _pending is not null;
    }

    /// <summary>A row taken but never acknowledged (a failed emit) is pending again, unless a newer one already is.</summary>
    public void ResumeEmitting()
    {
        _ready ??= _taken;
        _taken = null;
    }

    /// <summary>A new activation: a row its stored state marks changed or being emitted comes from durable state; emit it.</summary>
    public void ResumeAfterRestart()
    {
        Changed |= Emitting;
        Emitting = false;
        CaptureForWrite();
        WriteSucceeded();
    }
}
