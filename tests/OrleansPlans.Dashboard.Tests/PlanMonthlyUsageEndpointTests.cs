using System.Net;
using OrleansPlans.Dashboard.Responses;

namespace OrleansPlans.Dashboard.Tests;

public sealed class PlanMonthlyUsageEndpointTests(AnalyticsDatabaseFixture database)
{
    [Fact]
    public async Task by_default_the_12_months_ending_this_month_are_shown_with_the_active_share_of_members()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var usage = await host.GetAsync($"/api/v1/analytics/plans/{Seed.Alpha}/monthly").ReadAsync<MonthlyUsageResponse>();

        Assert.Equal((Seed.Alpha, "active", Seed.Alpha, false, 3L), (usage.PlanId, usage.Status, usage.ResolvedPlanId, usage.ResolvedFromMerge, usage.MemberCount));
        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2026, 4, 1)), (usage.From, usage.To));
        // March 2026: 4 users were active and 3 are members now (one left), so the share exceeds 1.
        Assert.Equal(
            new[]
            {
                new MonthlyUsageRowResponse(new DateOnly(2026, 2, 1), 500, 1, 1, 1.0 / 3),
                new MonthlyUsageRowResponse(new DateOnly(2026, 3, 1), 13599, 16, 4, 4.0 / 3),
            },
            usage.Months);
    }

    [Fact]
    public async Task the_range_is_half_open_in_months()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var usage = await host.GetAsync($"/api/v1/analytics/plans/{Seed.Alpha}/monthly?from=2025-03&to=2026-03").ReadAsync<MonthlyUsageResponse>();

        Assert.Equal([new DateOnly(2025, 3, 1), new DateOnly(2026, 2, 1)], usage.Months.Select(m => m.Month));
    }

    [Fact]
    public async Task a_merged_plan_answers_with_its_survivors_months_and_members()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var usage = await host.GetAsync($"/api/v1/analytics/plans/{Seed.Delta}/monthly?from=2026-03&to=2026-04").ReadAsync<MonthlyUsageResponse>();

        Assert.Equal((Seed.Delta, "merged", Seed.Alpha, true, 3L), (usage.PlanId, usage.Status, usage.ResolvedPlanId, usage.ResolvedFromMerge, usage.MemberCount));
        Assert.Equal([new MonthlyUsageRowResponse(new DateOnly(2026, 3, 1), 13599, 16, 4, 4.0 / 3)], usage.Months);
    }

    [Fact]
    public async Task a_plan_without_members_has_no_active_share()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var usage = await host.GetAsync($"/api/v1/analytics/plans/{Seed.IdlePlan}/monthly?from=2026-01&to=2026-02").ReadAsync<MonthlyUsageResponse>();

        Assert.Equal([new MonthlyUsageRowResponse(new DateOnly(2026, 1, 1), 900, 3, 2, null)], usage.Months);
    }

    [Theory]
    [InlineData("plan-alpha", "from=2026-3", "from", "query parameter 'from' is '2026-3'; use a UTC month such as 2026-03 (yyyy-MM)")]
    [InlineData("plan-alpha", "to=2026-03-01", "to", "query parameter 'to' is '2026-03-01'; use a UTC month such as 2026-03 (yyyy-MM)")]
    [InlineData("plan-alpha", "from=2026-05&to=2026-03", "from", "query parameter 'from' (2026-05) is after 'to' (2026-03)")]
    [InlineData("plan-alpha", "from=2010-01&to=2026-01", "to", "the range from 'from' to 'to' is 192 months; monthly usage is served for at most 120 months per request")]
    [InlineData("plan%20alpha", "", "planId", "field 'planId' contains 'U+0020'; identifiers allow only A-Z a-z 0-9 . _ : @ -")]
    public async Task a_bad_query_is_400_with_a_clear_message(string planId, string query, string parameter, string reason)
    {
        await using var host = await DashboardHost.StartAsync(database);

        var response = await host.GetAsync($"/api/v1/analytics/plans/{planId}/monthly?{query}");

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(reason, problem.Detail());
        Assert.Equal(reason, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Fact]
    public async Task an_unknown_plan_is_404()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var response = await host.GetAsync("/api/v1/analytics/plans/plan-nobody/monthly");

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.StartsWith("No plan 'plan-nobody' in the analytics tables", problem.Detail(), StringComparison.Ordinal);
    }
}
