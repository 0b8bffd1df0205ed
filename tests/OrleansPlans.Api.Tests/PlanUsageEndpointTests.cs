using System.Net;
using OrleansPlans.Api.Responses;

namespace OrleansPlans.Api.Tests;

public sealed class PlanUsageEndpointTests(ApiCluster cluster)
{
    private const string Prefix = "usage-ep";

    [Fact]
    public async Task hourly_usage_lists_the_hours_in_the_half_open_range()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var usage = await GetAsync(api, $"/api/v1/plans/{s.Alpha}/usage?granularity=hourly&from=2026-03-01T09:00:00Z&to=2026-03-02T08:00:00Z");

        Assert.Equal(("hourly", Scenario.At(9), Scenario.At(24 + 8)), (usage.Granularity, usage.From, usage.To));
        Assert.Equal(
            new[]
            {
                new UsageBucketResponse(Scenario.At(9), 100, 1, null),
                new UsageBucketResponse(Scenario.At(10), 300, 1, null),
                new UsageBucketResponse(Scenario.At(12), 600, 1, null),
            },
            usage.Buckets);
    }

    [Fact]
    public async Task daily_usage_counts_seconds_events_and_active_users()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var usage = await GetAsync(api, $"/api/v1/plans/{s.Alpha}/usage?granularity=daily&from=2026-03-01&to=2026-03-31");

        Assert.Equal(
            new[]
            {
                new UsageBucketResponse(Scenario.Day1, 1000, 3, 3),
                new UsageBucketResponse(Scenario.Day1.AddDays(1), 120, 1, 1),
            },
            usage.Buckets);
    }

    [Fact]
    public async Task monthly_usage_counts_each_active_user_once_in_the_month_merged_plans_included()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var usage = await GetAsync(api, $"/api/v1/plans/{s.Alpha}/usage?granularity=monthly&from=2026-03-01&to=2026-04-01");

        // Alice on both days, Bob, and Carol (in beta, merged into alpha): 3 users, Bob's usage before he joined unattributed.
        Assert.Equal("monthly", usage.Granularity);
        Assert.Equal(new[] { new UsageBucketResponse(Scenario.Day1, 1120, 4, 3) }, usage.Buckets);
    }

    [Fact]
    public async Task a_merged_plans_usage_is_its_survivors_and_says_so()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var usage = await GetAsync(api, $"/api/v1/plans/{s.Beta}/usage?from=2026-03-01&to=2026-03-02");

        Assert.Equal((s.Beta, s.Alpha, true, "daily"), (usage.PlanId, usage.ResolvedPlanId, usage.ResolvedFromMerge, usage.Granularity));
        Assert.Equal(new[] { new UsageBucketResponse(Scenario.Day1, 1000, 3, 3) }, usage.Buckets);
    }

    [Theory]
    [InlineData("granularity=weekly&from=2026-03-01&to=2026-03-02", "granularity",
        "query parameter 'granularity' is 'weekly'; use 'hourly', 'daily' or 'monthly'")]
    [InlineData("from=2026-03-02&to=2026-03-01", "from",
        "query parameter 'from' (2026-03-02T00:00:00.0000000+00:00) is after 'to' (2026-03-01T00:00:00.0000000+00:00)")]
    [InlineData("from=yesterday&to=2026-03-01", "from",
        "query parameter 'from' is 'yesterday', not an RFC 3339 timestamp with an offset (e.g. 2026-03-01T09:30:00Z); a date (yyyy-MM-dd, midnight UTC) is also accepted")]
    [InlineData("from=2026-03-01T00:00:00&to=2026-03-02", "from",
        "query parameter 'from' is '2026-03-01T00:00:00', not an RFC 3339 timestamp with an offset (e.g. 2026-03-01T09:30:00Z); a date (yyyy-MM-dd, midnight UTC) is also accepted")]
    [InlineData("from=2026-03-01", "to",
        "query parameter 'to' is required (an RFC 3339 timestamp such as 2026-03-01T00:00:00Z, or a date such as 2026-03-01)")]
    [InlineData("granularity=hourly&from=2026-03-01&to=2026-04-02", "to",
        "the range from 'from' to 'to' is 32 days; hourly usage is served for at most 31 days per request")]
    [InlineData("granularity=daily&from=2026-01-01&to=2028-01-03", "to",
        "the range from 'from' to 'to' is 732 days; daily usage is served for at most 731 days per request")]
    public async Task a_bad_usage_query_is_400_with_a_clear_message(string query, string parameter, string reason)
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var response = await api.Http.GetAsync($"/api/v1/plans/{s.Alpha}/usage?{query}", TestContext.Current.CancellationToken);

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(reason, problem.Detail());
        Assert.Equal(reason, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Fact]
    public async Task usage_of_an_unknown_plan_is_404()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var response = await api.Http.GetAsync($"/api/v1/plans/{s.Nobody}/usage?from=2026-03-01&to=2026-03-02", TestContext.Current.CancellationToken);

        await ProblemBody.AssertAsync(response, HttpStatusCode.NotFound);
    }

    private static async Task<PlanUsageResponse> GetAsync(ApiHost api, string url) =>
        await (await api.Http.GetAsync(url, TestContext.Current.CancellationToken)).ReadAsync<PlanUsageResponse>();
}
