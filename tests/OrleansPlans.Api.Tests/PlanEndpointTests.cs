using System.Net;
using OrleansPlans.Api.Responses;

namespace OrleansPlans.Api.Tests;

public sealed class PlanEndpointTests(ApiCluster cluster)
{
    private const string Prefix = "plan-ep";

    [Fact]
    public async Task an_active_plan_shows_its_status_and_member_count()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var plan = await (await api.Http.GetAsync($"/api/v1/plans/{s.Alpha}", TestContext.Current.CancellationToken)).ReadAsync<PlanResponse>();

        Assert.Equal(new PlanResponse(s.Alpha, "active", null, s.Alpha, 3), plan);
    }

    [Fact]
    public async Task a_merged_plan_shows_the_plan_it_resolves_to()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var plan = await (await api.Http.GetAsync($"/api/v1/plans/{s.Beta}", TestContext.Current.CancellationToken)).ReadAsync<PlanResponse>();

        Assert.Equal(new PlanResponse(s.Beta, "merged", s.Alpha, s.Alpha, 0), plan);
    }

    [Fact]
    public async Task a_plan_no_event_named_is_404_with_a_problem_body()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var response = await api.Http.GetAsync($"/api/v1/plans/{s.Nobody}", TestContext.Current.CancellationToken);

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.Equal($"No valid event has named plan '{s.Nobody}'.", problem.Detail());
    }

    [Theory]
    [InlineData("plan%20x", "field 'planId' contains 'U+0020'; identifiers allow only A-Z a-z 0-9 . _ : @ -")]
    [InlineData("plan!x", "field 'planId' contains '!'; identifiers allow only A-Z a-z 0-9 . _ : @ -")]
    public async Task an_invalid_plan_id_is_400_with_the_reason(string planId, string reason)
    {
        await using var api = await cluster.StartApiAsync();

        var response = await api.Http.GetAsync($"/api/v1/plans/{planId}", TestContext.Current.CancellationToken);

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(reason, problem.Detail());
        Assert.Equal(reason, problem.GetProperty("errors").GetProperty("planId")[0].GetString());
    }

    [Fact]
    public async Task a_plan_id_longer_than_the_contract_allows_is_400()
    {
        await using var api = await cluster.StartApiAsync();

        var response = await api.Http.GetAsync($"/api/v1/plans/{new string('p', 129)}", TestContext.Current.CancellationToken);

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("field 'planId' has 129 characters; identifiers have at most 128", problem.Detail());
    }
}
