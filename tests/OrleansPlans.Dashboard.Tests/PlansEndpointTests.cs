using System.Net;
using OrleansPlans.Dashboard.Responses;

namespace OrleansPlans.Dashboard.Tests;

public sealed class PlansEndpointTests(AnalyticsDatabaseFixture database)
{
    [Fact]
    public async Task plans_list_by_id_with_usage_of_the_last_30_days_only()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var page = await host.GetAsync("/api/v1/analytics/plans?search=plan-").ReadAsync<PagedResponse<PlanSummaryResponse>>();

        Assert.Equal((1, 100, 4L), (page.Page, page.PageSize, page.Total));
        Assert.Equal(
            new[]
            {
                // Ordinal order: upper case first, whatever the database's collation.
                new PlanSummaryResponse(Seed.Gamma, "active", null, 1, 600, 1),
                // 2026-03-02 + 03-15 + 03-31; 03-01 and 02-10 are outside the 30 days ending 2026-03-31.
                new PlanSummaryResponse(Seed.Alpha, "active", null, 3, 3600 + 7200 + 1800, 2 + 4 + 1),
                new PlanSummaryResponse(Seed.Beta, "merged", Seed.Alpha, 0, 0, 0),
                new PlanSummaryResponse(Seed.Delta, "merged", Seed.Alpha, 0, 0, 0),
            },
            page.Items);
    }

    [Fact]
    public async Task search_matches_part_of_the_plan_id_ignoring_case()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var page = await host.GetAsync("/api/v1/analytics/plans?search=GAMM").ReadAsync<PagedResponse<PlanSummaryResponse>>();

        Assert.Equal(1, page.Total);
        Assert.Equal(Seed.Gamma, Assert.Single(page.Items).PlanId);
    }

    [Fact]
    public async Task status_filters_merged_plans()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var page = await host.GetAsync("/api/v1/analytics/plans?status=merged").ReadAsync<PagedResponse<PlanSummaryResponse>>();

        Assert.Equal(2, page.Total);
        Assert.Equal([Seed.Beta, Seed.Delta], page.Items.Select(p => p.PlanId));
    }

    [Fact]
    public async Task pages_follow_plan_id_order_and_report_the_total()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var second = await host.GetAsync("/api/v1/analytics/plans?search=bulk&page=2&pageSize=5").ReadAsync<PagedResponse<PlanSummaryResponse>>();
        var last = await host.GetAsync("/api/v1/analytics/plans?search=bulk&page=3&pageSize=5").ReadAsync<PagedResponse<PlanSummaryResponse>>();
        var beyond = await host.GetAsync("/api/v1/analytics/plans?search=bulk&page=9&pageSize=5").ReadAsync<PagedResponse<PlanSummaryResponse>>();

        Assert.Equal((2, 5, (long)Seed.BulkPlans), (second.Page, second.PageSize, second.Total));
        Assert.Equal(Enumerable.Range(6, 5).Select(Seed.Bulk), second.Items.Select(p => p.PlanId));
        Assert.Equal([Seed.Bulk(11), Seed.Bulk(12)], last.Items.Select(p => p.PlanId));
        Assert.Equal(((long)Seed.BulkPlans, 0), (beyond.Total, beyond.Items.Count));
    }

    [Theory]
    [InlineData("page=0", "page", "query parameter 'page' is '0'; it must be a whole number from 1 to 2147483647")]
    [InlineData("page=two", "page", "query parameter 'page' is 'two'; it must be a whole number from 1 to 2147483647")]
    [InlineData("pageSize=1001", "pageSize", "query parameter 'pageSize' is '1001'; it must be a whole number from 1 to 1000")]
    [InlineData("status=deleted", "status", "query parameter 'status' is 'deleted'; use 'active' or 'merged'")]
    [InlineData("search=plan%20alpha", "search", "query parameter 'search' contains 'U+0020'; identifiers allow only A-Z a-z 0-9 . _ : @ -")]
    public async Task a_bad_query_value_is_400_naming_the_parameter(string query, string parameter, string reason)
    {
        await using var host = await DashboardHost.StartAsync(database);

        var response = await host.GetAsync($"/api/v1/analytics/plans?{query}");

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(reason, problem.Detail());
        Assert.Equal(reason, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }
}
