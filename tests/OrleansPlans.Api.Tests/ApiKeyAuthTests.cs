using System.Net;
using OrleansPlans.Api.Responses;

namespace OrleansPlans.Api.Tests;

public sealed class ApiKeyAuthTests(ApiCluster cluster)
{
    private const string Prefix = "auth";
    private const string OperatorKey = "operator-key-0123456789";
    private const string ReadKey = "read-key-0123456789abc";

    private static readonly Dictionary<string, string?> Keys = new()
    {
        ["Api:OperatorKeys:0"] = OperatorKey,
        ["Api:ReadKeys:0"] = ReadKey,
    };

    [Fact]
    public async Task reads_are_open_without_a_key_by_default()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync(Keys);

        var response = await SendAsync(api, $"/api/v1/plans/{s.Alpha}", key: null);

        Assert.Equal(s.Alpha, (await response.ReadAsync<PlanResponse>()).PlanId);
    }

    [Fact]
    public async Task an_invalid_key_is_refused_and_never_logged_even_when_reads_are_open()
    {
        const string wrongKey = "wrong-key-that-must-not-be-logged";
        var s = await cluster.ScenarioAsync(Prefix);
        var logs = new CapturedLogs();
        await using var api = await cluster.StartApiAsync(Keys, logs);

        var response = await SendAsync(api, $"/api/v1/plans/{s.Alpha}", wrongKey);

        await ProblemBody.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(logs.Lines, line => line.Contains("[5101] Rejected an API key: unknown key", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(wrongKey, StringComparison.Ordinal)
            || line.Contains(OperatorKey, StringComparison.Ordinal) || line.Contains(ReadKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task reads_need_a_key_when_the_flag_is_set()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync(new Dictionary<string, string?>(Keys) { ["Api:RequireAuthForReads"] = "true" });

        var anonymous = await SendAsync(api, $"/api/v1/users/{s.Alice}", key: null);
        var wrong = await SendAsync(api, $"/api/v1/users/{s.Alice}", key: "not-a-configured-key-at-all");
        var reader = await SendAsync(api, $"/api/v1/users/{s.Alice}", ReadKey);
        var op = await SendAsync(api, $"/api/v1/users/{s.Alice}", OperatorKey);

        var problem = await ProblemBody.AssertAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal("This endpoint needs a valid API key in the X-Api-Key header or as an Authorization: Bearer token.", problem.Detail());
        Assert.Equal(["ApiKey header=\"X-Api-Key\"", "Bearer"], anonymous.Headers.WwwAuthenticate.Select(h => h.ToString()));
        await ProblemBody.AssertAsync(wrong, HttpStatusCode.Unauthorized);
        Assert.Equal(s.Alpha, (await reader.ReadAsync<UserResponse>()).CurrentPlanId);
        Assert.Equal(s.Alpha, (await op.ReadAsync<UserResponse>()).CurrentPlanId);
    }

    [Fact]
    public async Task operator_endpoints_need_a_key_even_when_reads_are_open()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync(Keys);

        var response = await SendAsync(api, $"/api/v1/merges/{s.MergeId}", key: null);

        await ProblemBody.AssertAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_read_key_is_forbidden_from_operator_endpoints()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync(Keys);

        var response = await SendAsync(api, $"/api/v1/merges/{s.MergeId}", ReadKey);

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("lacks the role", problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_operator_key_reads_a_merge_decision()
    {
        var s = await cluster.ScenarioAsync(Prefix);
        await using var api = await cluster.StartApiAsync(Keys);

        var decision = await (await SendAsync(api, $"/api/v1/merges/{s.MergeId}", OperatorKey)).ReadAsync<MergeDecisionResponse>();
        var unknown = await SendAsync(api, $"/api/v1/merges/{s.MergeId}-unknown", OperatorKey);

        Assert.Equal(new MergeDecisionResponse(s.MergeId, "applied", s.Beta, s.Alpha, s.Alpha, null, true), decision);
        var problem = await ProblemBody.AssertAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal($"No merge event with id '{s.MergeId}-unknown' has been decided.", problem.Detail());
    }

    private static Task<HttpResponseMessage> SendAsync(ApiHost api, string url, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return api.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
