namespace OrleansPlans.Domain.Rows;

/// <summary>
/// Receives row changes as they are computed, the key as text valid only during the call: a receiver that keeps rows
/// by key (the in-memory engine's replica) finds an existing row without a key string being built for every change.
/// </summary>
internal interface IRowChangeSink
{
    /// <summary>An upsert (<paramref name="row"/> set) or a delete (null) of the row with <paramref name="key"/>.</summary>
    void Change(string table, ReadOnlySpan<char> key, OutputRow? row);
}
