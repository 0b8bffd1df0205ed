using OrleansPlans.Dashboard.Responses;

namespace OrleansPlans.Dashboard.Analytics;

internal sealed partial class AnalyticsQueries
{
    /// <summary>
    /// A page of <c>plans</c> by plan id, each with its usage on the days in <c>[since, until]</c>.
    /// <paramref name="search"/> matches anywhere in the plan id, ignoring case; <paramref name="status"/> filters exactly.
    /// </summary>
    public async Task<PagedResponse<PlanSummaryResponse>> ListPlansAsync(
        string? search, string? status, DateOnly since, DateOnly until, PageRequest page, CancellationToken cancellationToken)
    {
        // strpos rather than LIKE: the search text needs no escaping of % and _.
        const string Filter = "(@search is null or strpos(lower(p.plan_id), lower(@search)) > 0) and (@status is null or p.status = @status)";
        var total = await CountAsync(
            $"select count(*) from {S}.plans p where {Filter}",
            cancellationToken, SqlParameters.Text("search", search), SqlParameters.Text("status", status));
        var plans = await ListAsync(
            $"""
            select p.plan_id, p.status, p.merged_into, p.member_count, coalesce(u.seconds, 0), coalesce(u.events, 0)
            from {S}.plans p
            left join (select plan_id, sum(seconds)::bigint as seconds, sum(events)::bigint as events
                       from {S}.plan_usage_daily where day between @since and @until group by plan_id) u on u.plan_id = p.plan_id
            where {Filter}
            order by p.plan_id collate "C"
            limit @limit offset @offset
            """,
            r => new PlanSummaryResponse(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)),
            cancellationToken,
            SqlParameters.Text("search", search), SqlParameters.Text("status", status),
            SqlParameters.Date("since", since), SqlParameters.Date("until", until),
            SqlParameters.BigInt("limit", page.PageSize), SqlParameters.BigInt("offset", page.Offset));
        return new PagedResponse<PlanSummaryResponse>(page.Page, page.PageSize, total, plans);
    }
}
