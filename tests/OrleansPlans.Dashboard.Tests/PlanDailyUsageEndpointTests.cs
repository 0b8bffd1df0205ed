using System.Net;
using OrleansPlans.Dashboard.Responses;

namespace OrleansPlans.Dashboard.Tests;

public sealed class PlanDailyUsageEndpointTests(AnalyticsDatabaseFixture database)
{
    [Fact]
    public async Task by_default_the_30_days_ending_today_are_shown()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var usage = await host.GetAsync($"/api/v1/analytics/plans/{Seed.Alpha}/daily").ReadAsync<DailyUsageResponse>();

        Assert.Equal((Seed.Alpha, "active", Seed.Alpha, false), (usage.PlanId, usage.Status, usage.ResolvedPlanId, usage.ResolvedFromMerge));
        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1)), (usage.From, usage.To));
        Assert.Equal(
            new[]
            {
                new DailyUsageRowResponse(new DateOnly(2026, 3, 2), 3600, 2, 2),
                new DailyUsageRowResponse(new DateOnly(2026, 3, 15), 7200, 4, 3),
                new DailyUsageRowResponse(new DateOnly(2026, 3, 31), 1800, 1, 1),
            },
            usage.Days);
        Assert.Equal(new DateOnly(2026, 3, 31), usage.LatestDay);
    }

    [Fact]
    public async Task a_plan_idle_in_the_range_says_when_it_was_last_used()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var idle = await host.GetAsync($"/api/v1/analytics/plans/{Seed.IdlePlan}/daily").ReadAsync<DailyUsageResponse>();
        var unused = await host.GetAsync($"/api/v1/analytics/plans/{Seed.Bulk(1)}/daily").ReadAsync<DailyUsageResponse>();

        Assert.Equal((0, new DateOnly(2026, 1, 15)), (idle.Days.Count, idle.LatestDay));
        Assert.Equal((0, (DateOnly?)null), (unused.Days.Count, unused.LatestDay));
    }

    [Fact]
    public async Task the_range_is_half_open()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var usage = await host.GetAsync($"/api/v1/analytics/plans/{Seed.Alpha}/daily?from=2026-02-10&to=2026-03-02").ReadAsync<DailyUsageResponse>();

        Assert.Equal([new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 1)], usage.Days.Select(d => d.Day));
    }

    [Fact]
    public async Task a_merged_plan_answers_with_its_survivors_usage_and_says_so()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var usage = await host.GetAsync($"/api/v1/analytics/plans/{Seed.Delta}/daily?from=2026-03-15&to=2026-03-16").ReadAsync<DailyUsageResponse>();

        Assert.Equal((Seed.Delta, "merged", Seed.Alpha, true), (usage.PlanId, usage.Status, usage.ResolvedPlanId, usage.ResolvedFromMerge));
        Assert.Equal([new DailyUsageRowResponse(new DateOnly(2026, 3, 15), 7200, 4, 3)], usage.Days);
    }

    [Theory]
    [InlineData("plan-alpha", "from=2026-3-1", "from", "query parameter 'from' is '2026-3-1'; use a UTC date such as 2026-03-01 (yyyy-MM-dd)")]
    [InlineData("plan-alpha", "to=tomorrow", "to", "query parameter 'to' is 'tomorrow'; use a UTC date such as 2026-03-01 (yyyy-MM-dd)")]
    [InlineData("plan-alpha", "from=2026-03-10&to=2026-03-01", "from", "query parameter 'from' (2026-03-10) is after 'to' (2026-03-01)")]
    [InlineData("plan-alpha", "from=2024-01-01&to=2026-01-03", "to", "the range from 'from' to 'to' is 733 days; daily usage is served for at most 731 days per request")]
    [InlineData("plan%20alpha", "", "planId", "field 'planId' contains 'U+0020'; identifiers allow only A-Z a-z 0-9 . _ : @ -")]
    public async Task a_bad_query_is_400_with_a_clear_message(string planId, string query, string parameter, string reason)
    {
        await using var host = await DashboardHost.StartAsync(database);

        var response = await host.GetAsync($"/api/v1/analytics/plans/{planId}/daily?{query}");

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(reason, problem.Detail());
        Assert.Equal(reason, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Fact]
    public async Task an_unknown_plan_is_404()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var response = await host.GetAsync("/api/v1/analytics/plans/plan-nobody/daily");

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.StartsWith("No plan 'plan-nobody' in the analytics tables", problem.Detail(), StringComparison.Ordinal);
    }
}
