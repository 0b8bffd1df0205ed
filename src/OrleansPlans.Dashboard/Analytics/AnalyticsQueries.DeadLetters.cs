using OrleansPlans.Dashboard.Responses;

namespace OrleansPlans.Dashboard.Analytics;

internal sealed partial class AnalyticsQueries
{
    /// <summary>A page of <c>dead_letters</c>, newest first (then by position, so pages are stable).</summary>
    public async Task<PagedResponse<DeadLetterResponse>> DeadLettersAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var total = await CountAsync($"select count(*) from {S}.dead_letters", cancellationToken);
        var rows = await ListAsync(
            $"""
            select source_topic, source_partition, source_offset, reason, received_at, octet_length(raw_value)
            from {S}.dead_letters
            order by received_at desc, source_topic collate "C", source_partition, source_offset
            limit @limit offset @offset
            """,
            r => new DeadLetterResponse(
                r.GetString(0), r.GetInt32(1), r.GetInt64(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4), r.IsDBNull(5) ? null : r.GetInt32(5)),
            cancellationToken, SqlParameters.BigInt("limit", page.PageSize), SqlParameters.BigInt("offset", page.Offset));
        return new PagedResponse<DeadLetterResponse>(page.Page, page.PageSize, total, rows);
    }
}
