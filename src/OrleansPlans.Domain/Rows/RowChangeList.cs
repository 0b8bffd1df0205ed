using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Rows;

/// <summary>Collects row changes as <see cref="RowChange"/> records (each keyed by the contract's key text).</summary>
internal sealed class RowChangeList(int capacity) : IRowChangeSink
{
    /// <summary>The changes received, in order.</summary>
    public List<RowChange> Rows { get; } = new(capacity);

    /// <inheritdoc />
    public void Hour(string planId, DateTime hourStart, Tally? usage) => Add(RowId.Hour(planId, hourStart),
        usage is { } t ? PlanRows.HourRow(planId, hourStart, t) : null);

    /// <inheritdoc />
    public void Day(string planId, DateOnly day, DayTally? usage) => Add(RowId.Day(planId, day),
        usage is { } t ? PlanRows.DayRow(planId, day, t) : null);

    /// <inheritdoc />
    public void Month(string planId, DateOnly month, DayTally? usage) => Add(RowId.Month(planId, month),
        usage is { } t ? PlanRows.MonthRow(planId, month, t) : null);

    /// <inheritdoc />
    public void Content(string planId, string contentId, Tally? usage) => Add(RowId.Content(planId, contentId),
        usage is { } t ? PlanRows.ContentRow(planId, contentId, t) : null);

    /// <inheritdoc />
    public void Member(string planId, string userId, DateTime? memberSince) => Add(RowId.Member(planId, userId),
        memberSince is { } since ? new PlanMemberRow(planId, userId, since) : null);

    /// <inheritdoc />
    public void Plan(string planId, PlanRowValues? values) => Add(RowId.Plan(planId), values?.Row(planId));

    private void Add(in RowId id, OutputRow? row) => Rows.Add(new RowChange(id.Table, id.Key(), row));
}
