using OrleansPlans.Domain.Figures;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Domain.Plans;

/// <summary>
/// Rows a write captured when it serialized a ledger (<see cref="PlanLedger.CaptureForWrite"/>): publishable once that
/// write is durable, forgotten once their emit is acknowledged.
/// </summary>
internal sealed class CapturedRows(FigureChanges keys, IReadOnlyList<RowChange> rows)
{
    /// <summary>The changed keys the rows were made from.</summary>
    public FigureChanges Keys { get; } = keys;

    /// <summary>The rows, valued as the write stored them.</summary>
    public IReadOnlyList<RowChange> Rows { get; } = rows;

    /// <summary>Whether the write that captured them succeeded.</summary>
    public bool Durable { get; set; }

    /// <summary>Whether an emit in flight took them.</summary>
    public bool Taken { get; set; }
}
