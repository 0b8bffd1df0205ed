using System.Net;
using OrleansPlans.Api.Responses;
using OrleansPlans.Dashboard.Responses;

namespace OrleansPlans.Dashboard.Tests;

public sealed class PlanMembersEndpointTests(AnalyticsDatabaseFixture database)
{
    [Fact]
    public async Task members_are_paged_by_user_id_with_member_since_to_the_microsecond()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var first = await host.GetAsync($"/api/v1/analytics/plans/{Seed.Alpha}/members?pageSize=2").ReadAsync<PlanMembersPageResponse>();
        var second = await host.GetAsync($"/api/v1/analytics/plans/{Seed.Alpha}/members?pageSize=2&page=2").ReadAsync<PlanMembersPageResponse>();

        Assert.Equal((Seed.Alpha, Seed.Alpha, false, 1, 2, 3L), (first.PlanId, first.ResolvedPlanId, first.ResolvedFromMerge, first.Page, first.PageSize, first.Total));
        Assert.Equal(
            new[]
            {
                new PlanMemberResponse("user-a", new DateTimeOffset(2026, 2, 1, 9, 30, 0, TimeSpan.Zero)),
                new PlanMemberResponse("user-b", Seed.UserBSince),
            },
            first.Members);
        Assert.Equal(["user-c"], second.Members.Select(m => m.UserId));
    }

    [Fact]
    public async Task a_merged_plan_lists_its_survivors_members()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var members = await host.GetAsync($"/api/v1/analytics/plans/{Seed.Beta}/members").ReadAsync<PlanMembersPageResponse>();

        Assert.Equal((Seed.Beta, Seed.Alpha, true, 3L), (members.PlanId, members.ResolvedPlanId, members.ResolvedFromMerge, members.Total));
        Assert.Equal(["user-a", "user-b", "user-c"], members.Members.Select(m => m.UserId));
    }

    [Fact]
    public async Task an_unknown_plan_is_404_and_a_bad_page_size_is_400()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var unknown = await host.GetAsync("/api/v1/analytics/plans/plan-nobody/members");
        var badSize = await host.GetAsync($"/api/v1/analytics/plans/{Seed.Alpha}/members?pageSize=0");

        await ProblemBody.AssertAsync(unknown, HttpStatusCode.NotFound);
        var problem = await ProblemBody.AssertAsync(badSize, HttpStatusCode.BadRequest);
        Assert.Equal("query parameter 'pageSize' is '0'; it must be a whole number from 1 to 1000", problem.GetProperty("errors").GetProperty("pageSize")[0].GetString());
    }
}
