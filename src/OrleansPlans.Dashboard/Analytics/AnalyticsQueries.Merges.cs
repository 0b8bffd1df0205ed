using OrleansPlans.Dashboard.Responses;

namespace OrleansPlans.Dashboard.Analytics;

internal sealed partial class AnalyticsQueries
{
    /// <summary>A page of the <c>plan_merge_history</c> view, by merged plan id.</summary>
    public async Task<PagedResponse<MergeHistoryResponse>> MergesAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var total = await CountAsync($"select count(*) from {S}.plan_merge_history", cancellationToken);
        var merges = await ListAsync(
            $"""
            select merged_plan_id, survivor_plan_id from {S}.plan_merge_history
            order by merged_plan_id collate "C" limit @limit offset @offset
            """,
            r => new MergeHistoryResponse(r.GetString(0), r.GetString(1)),
            cancellationToken, SqlParameters.BigInt("limit", page.PageSize), SqlParameters.BigInt("offset", page.Offset));
        return new PagedResponse<MergeHistoryResponse>(page.Page, page.PageSize, total, merges);
    }
}
