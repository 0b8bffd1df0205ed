namespace OrleansPlans.Domain.Rows;

/// <summary>An upsert (<see cref="Row"/> set) or a delete (<see cref="Row"/> null, a tombstone) of one table row.</summary>
public sealed record RowChange(string Table, string Key, OutputRow? Row)
{
    /// <summary>True for a delete.</summary>
    public bool IsDelete => Row is null;
}
