using OrleansPlans.Dashboard.Responses;

namespace OrleansPlans.Dashboard.Analytics;

internal sealed partial class AnalyticsQueries
{
    /// <summary>The <c>plan_usage_daily</c> rows of <paramref name="planId"/> whose day lies in <c>[from, to)</c>, by day.</summary>
    public Task<List<DailyUsageRowResponse>> DailyUsageAsync(string planId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        ListAsync(
            $"select day, seconds, events, active_users from {S}.plan_usage_daily where plan_id = @plan_id and day >= @from and day < @to order by day",
            r => new DailyUsageRowResponse(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)),
            cancellationToken, SqlParameters.Text("plan_id", planId), SqlParameters.Date("from", from), SqlParameters.Date("to", to));

    /// <summary>
    /// The <c>plan_usage_monthly</c> rows of <paramref name="planId"/> whose month lies in <c>[from, to)</c> (first days of
    /// months), by month, with the share of <paramref name="memberCount"/> members each month made active.
    /// </summary>
    public Task<List<MonthlyUsageRowResponse>> MonthlyUsageAsync(string planId, DateOnly from, DateOnly to, long memberCount, CancellationToken cancellationToken) =>
        ListAsync(
            $"select month, seconds, events, active_users from {S}.plan_usage_monthly where plan_id = @plan_id and month >= @from and month < @to order by month",
            r => MonthlyUsageRowResponse.Of(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), memberCount),
            cancellationToken, SqlParameters.Text("plan_id", planId), SqlParameters.Date("from", from), SqlParameters.Date("to", to));

    /// <summary>The latest day with a <c>plan_usage_daily</c> row of <paramref name="planId"/>, or null (served by the primary key).</summary>
    public async Task<DateOnly?> LatestUsageDayAsync(string planId, CancellationToken cancellationToken)
    {
        var days = await ListAsync(
            $"select max(day) from {S}.plan_usage_daily where plan_id = @plan_id",
            r => r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0),
            cancellationToken, SqlParameters.Text("plan_id", planId));
        return days[0];
    }
}
