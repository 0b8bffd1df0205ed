namespace OrleansPlans.Domain.Rows;

/// <summary>Collects row changes as <see cref="RowChange"/> records.</summary>
internal sealed class RowChangeList(int capacity) : IRowChangeSink
{
    /// <summary>The changes received, in order.</summary>
    public List<RowChange> Rows { get; } = new(capacity);

    /// <inheritdoc />
    public void Change(in RowId id, OutputRow? row) => Rows.Add(new RowChange(id.Table, id.Key(), row));
}
