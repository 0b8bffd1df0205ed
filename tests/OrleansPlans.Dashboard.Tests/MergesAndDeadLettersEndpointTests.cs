using System.Net;
using OrleansPlans.Dashboard.Responses;

namespace OrleansPlans.Dashboard.Tests;

public sealed class MergesAndDeadLettersEndpointTests(AnalyticsDatabaseFixture database)
{
    [Fact]
    public async Task merge_history_lists_each_merged_plan_with_its_survivor()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var all = await host.GetAsync("/api/v1/analytics/merges").ReadAsync<PagedResponse<MergeHistoryResponse>>();
        var second = await host.GetAsync("/api/v1/analytics/merges?page=2&pageSize=1").ReadAsync<PagedResponse<MergeHistoryResponse>>();

        Assert.Equal(2, all.Total);
        Assert.Equal([new MergeHistoryResponse(Seed.Beta, Seed.Alpha), new MergeHistoryResponse(Seed.Delta, Seed.Alpha)], all.Items);
        Assert.Equal((2, 1, 2L), (second.Page, second.PageSize, second.Total));
        Assert.Equal([new MergeHistoryResponse(Seed.Delta, Seed.Alpha)], second.Items);
    }

    [Fact]
    public async Task dead_letters_come_newest_first_without_their_raw_value()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var page = await host.GetAsync("/api/v1/analytics/dead-letters").ReadAsync<PagedResponse<DeadLetterResponse>>();

        Assert.Equal(
            new[]
            {
                new DeadLetterResponse("plan-merges", 0, 7, "merge refused: plan-x is already merged into plan-y", new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.Zero), null),
                new DeadLetterResponse("content-usage", 3, 41, "field 'seconds' is 0; it must be from 1 to 86400", new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero), 2),
            },
            page.Items);
    }

    [Theory]
    [InlineData("/api/v1/analytics/merges?page=-1", "page")]
    [InlineData("/api/v1/analytics/dead-letters?pageSize=x", "pageSize")]
    public async Task a_bad_page_is_400(string url, string parameter)
    {
        await using var host = await DashboardHost.StartAsync(database);

        var problem = await ProblemBody.AssertAsync(await host.GetAsync(url), HttpStatusCode.BadRequest);

        Assert.Contains("it must be a whole number", problem.GetProperty("errors").GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
    }
}
