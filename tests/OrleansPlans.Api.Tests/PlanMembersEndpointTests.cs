using System.Net;
using OrleansPlans.Api.Responses;

namespace OrleansPlans.Api.Tests;

public sealed class PlanMembersEndpointTests(ApiCluster cluster)
{
    private const string Prefix = "members-ep";

    [Fact]
    public async Task members_are_paged_in_user_id_order_with_member_since()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var first = await GetAsync(api, $"/api/v1/plans/{s.Alpha}/members?page=1&pageSize=2");
        var second = await GetAsync(api, $"/api/v1/plans/{s.Alpha}/members?page=2&pageSize=2");
        var beyond = await GetAsync(api, $"/api/v1/plans/{s.Alpha}/members?page=3&pageSize=2");

        Assert.Equal((s.Alpha, false, 1, 2, 3), (first.ResolvedPlanId, first.ResolvedFromMerge, first.Page, first.PageSize, first.TotalCount));
        Assert.Equal(new[] { new PlanMemberResponse(s.Alice, Scenario.At(9)), new PlanMemberResponse(s.Bob, Scenario.At(11)) }, first.Members);
        Assert.Equal(new[] { new PlanMemberResponse(s.Carol, Scenario.At(8)) }, second.Members);
        Assert.Empty(beyond.Members);
        Assert.Equal(3, beyond.TotalCount);
    }

    [Fact]
    public async Task the_default_page_size_comes_from_the_options()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync(new Dictionary<string, string?> { ["Api:DefaultPageSize"] = "1" });

        var page = await GetAsync(api, $"/api/v1/plans/{s.Alpha}/members");

        Assert.Equal(1, page.PageSize);
        Assert.Equal(new[] { s.Alice }, page.Members.Select(m => m.UserId));
    }

    [Fact]
    public async Task a_merged_plan_lists_its_survivors_members_and_says_so()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var page = await GetAsync(api, $"/api/v1/plans/{s.Beta}/members");

        Assert.Equal((s.Beta, s.Alpha, true, 3), (page.PlanId, page.ResolvedPlanId, page.ResolvedFromMerge, page.TotalCount));
        Assert.Contains(new PlanMemberResponse(s.Carol, Scenario.At(8)), page.Members);
    }

    [Theory]
    [InlineData("page=0", "page", "query parameter 'page' is '0'; it must be a whole number from 1 to 2147483647")]
    [InlineData("pageSize=abc", "pageSize", "query parameter 'pageSize' is 'abc'; it must be a whole number from 1 to 1000")]
    [InlineData("pageSize=1001", "pageSize", "query parameter 'pageSize' is '1001'; it must be a whole number from 1 to 1000")]
    public async Task a_bad_page_is_400_naming_the_parameter(string query, string parameter, string reason)
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var response = await api.Http.GetAsync($"/api/v1/plans/{s.Alpha}/members?{query}", TestContext.Current.CancellationToken);

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(reason, problem.Detail());
        Assert.Equal(reason, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Fact]
    public async Task members_of_an_unknown_plan_are_404()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var response = await api.Http.GetAsync($"/api/v1/plans/{s.Nobody}/members", TestContext.Current.CancellationToken);

        await ProblemBody.AssertAsync(response, HttpStatusCode.NotFound);
    }

    private static async Task<PlanMembersResponse> GetAsync(ApiHost api, string url) =>
        await (await api.Http.GetAsync(url, TestContext.Current.CancellationToken)).ReadAsync<PlanMembersResponse>();
}
