using System.Net;
using OrleansPlans.Api.Responses;

namespace OrleansPlans.Api.Tests;

public sealed class UserEndpointTests(ApiCluster cluster)
{
    private const string Prefix = "user-ep";

    [Fact]
    public async Task a_user_shows_the_current_plan_and_the_plan_as_of_an_instant()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var before = await GetAsync(api, $"/api/v1/users/{s.Alice}?asOf=2026-03-01T08:59:59Z");
        var during = await GetAsync(api, $"/api/v1/users/{s.Alice}?asOf=2026-03-01T10:00:00%2B01:00");

        Assert.Equal(new UserResponse(s.Alice, s.Alpha, Scenario.At(9), Scenario.At(8, 59).AddSeconds(59), null, 1, 2), before);
        Assert.Equal(new UserResponse(s.Alice, s.Alpha, Scenario.At(9), Scenario.At(9), s.Alpha, 1, 2), during);
    }

    [Fact]
    public async Task a_user_of_a_merged_plan_is_reported_in_the_survivor()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var now = await GetAsync(api, $"/api/v1/users/{s.Carol}");
        var then = await GetAsync(api, $"/api/v1/users/{s.Carol}?asOf=2026-03-01T09:00:00Z");

        Assert.Equal(new UserResponse(s.Carol, s.Alpha, Scenario.At(8), null, null, 1, 1), now);
        Assert.Equal(new UserResponse(s.Carol, s.Alpha, Scenario.At(8), Scenario.At(9), s.Alpha, 1, 1), then);
    }

    [Fact]
    public async Task a_user_without_events_is_404()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync();

        var response = await api.Http.GetAsync($"/api/v1/users/{s.Nobody}", TestContext.Current.CancellationToken);

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.Equal($"No valid event has named user '{s.Nobody}'.", problem.Detail());
    }

    [Theory]
    [InlineData("user!1", "", "userId", "field 'userId' contains '!'; identifiers allow only A-Z a-z 0-9 . _ : @ -")]
    [InlineData("user-1", "?asOf=2026-02-30T00:00:00Z", "asOf",
        "query parameter 'asOf' is '2026-02-30T00:00:00Z', which is not a real instant; a date (yyyy-MM-dd, midnight UTC) is also accepted")]
    public async Task a_bad_user_request_is_400_with_the_reason(string userId, string query, string parameter, string reason)
    {
        await using var api = await cluster.StartApiAsync();

        var response = await api.Http.GetAsync($"/api/v1/users/{userId}{query}", TestContext.Current.CancellationToken);

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(reason, problem.Detail());
        Assert.Equal(reason, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    private static async Task<UserResponse> GetAsync(ApiHost api, string url) =>
        await (await api.Http.GetAsync(url, TestContext.Current.CancellationToken)).ReadAsync<UserResponse>();
}
