using OrleansPlans.Api.Responses;

namespace OrleansPlans.Dashboard.Analytics;

internal sealed partial class AnalyticsQueries
{
    /// <summary>How many open memberships <paramref name="planId"/> has, and one page of them by user id.</summary>
    public async Task<(long Total, List<PlanMemberResponse> Members)> MembersAsync(string planId, PageRequest page, CancellationToken cancellationToken)
    {
        var total = await CountAsync($"select count(*) from {S}.plan_members where plan_id = @plan_id", cancellationToken, SqlParameters.Text("plan_id", planId));
        var members = await ListAsync(
            $"""
            select user_id, member_since from {S}.plan_members where plan_id = @plan_id
            order by user_id collate "C" limit @limit offset @offset
            """,
            r => new PlanMemberResponse(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1)),
            cancellationToken,
            SqlParameters.Text("plan_id", planId), SqlParameters.BigInt("limit", page.PageSize), SqlParameters.BigInt("offset", page.Offset));
        return (total, members);
    }
}
