namespace OrleansPlans.Domain.Rows;

/// <summary>
/// Receives a plan's row changes as they are computed, each identified by its key columns: a receiver that keeps rows
/// by those (the in-memory engine's replica) needs no key string per change.
/// </summary>
internal interface IRowChangeSink
{
    /// <summary>An upsert (<paramref name="row"/> set) or a delete (null) of row <paramref name="id"/>.</summary>
    void Change(in RowId id, OutputRow? row);
}
