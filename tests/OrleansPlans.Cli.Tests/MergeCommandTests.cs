using System.Net;
using System.Text.Json;

namespace OrleansPlans.Cli.Tests;

/// <summary><c>merge</c> against a fake host API: what is sent, and how each contract response is shown.</summary>
public sealed class MergeCommandTests
{
    private const string Api = "http://127.0.0.1:18080";

    private static string Request(string id, string status, string? reason = null) => $$"""
        {"requestId":"{{id}}","mergeEventId":"merge-{{id}}","sourcePlanId":"plan-a","targetPlanId":"plan-b","status":"{{status}}",
         "reason":{{(reason is null ? "null" : $"\"{reason}\"")}},"survivor":{{(status == "applied" ? "\"plan-b\"" : "null")}},
         "requestedBy":"ops@example.com","requestedAt":"2026-03-02T00:00:00Z","requestedFrom":"127.0.0.1","userAgent":"orleansplans-cli/1.0",
         "decidedAt":{{(status == "pending" ? "null" : "\"2026-03-02T00:00:01Z\"")}}}
        """;

    [Fact]
    public async Task merge_posts_the_request_with_the_operator_key_and_prints_the_accepted_request()
    {
        var api = new FakeApi().Then(HttpStatusCode.Accepted, Request("req-1", "pending"));
        var cli = new CliRunner { HttpHandler = api };

        var result = await cli.RunAsync("merge", "--source", "plan-a", "--target", "plan-b", "--request-id", "req-1",
            "--requested-by", "ops@example.com", "--api", Api, "--api-key", "operator-key");

        Assert.True(result.ExitCode == 0, result.ToString());
        var sent = Assert.Single(api.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/api/v1/merges", sent.Path);
        Assert.Equal("operator-key", sent.ApiKey);
        Assert.Equal("application/json", sent.ContentType);
        using var body = JsonDocument.Parse(sent.Body);
        Assert.Equal("req-1", body.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("plan-a", body.RootElement.GetProperty("sourcePlanId").GetString());
        Assert.Equal("plan-b", body.RootElement.GetProperty("targetPlanId").GetString());
        Assert.Equal("ops@example.com", body.RootElement.GetProperty("requestedBy").GetString());
        Assert.Contains("Merge request accepted.", result.Out, StringComparison.Ordinal);
        Assert.Contains("status      pending", result.Out, StringComparison.Ordinal);
        Assert.Contains("merge       plan-a -> plan-b", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("operator-key", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task merge_without_a_request_id_sends_a_new_guid_and_takes_api_and_key_from_the_environment()
    {
        var api = new FakeApi().Then(HttpStatusCode.Accepted, Request("whatever", "pending"));
        var cli = new CliRunner { HttpHandler = api };
        cli.Environment["ORLEANSPLANS_API"] = "http://127.0.0.1:18081/";
        cli.Environment["ORLEANSPLANS_API_KEY"] = "from-env";

        var result = await cli.RunAsync("merge", "--source", "plan-a", "--target", "plan-b");

        Assert.True(result.ExitCode == 0, result.ToString());
        var sent = Assert.Single(api.Requests);
        Assert.Equal("from-env", sent.ApiKey);
        using var body = JsonDocument.Parse(sent.Body);
        Assert.True(Guid.TryParse(body.RootElement.GetProperty("requestId").GetString(), out _), sent.Body);
        Assert.False(body.RootElement.TryGetProperty("requestedBy", out _), "requestedBy is left to the API when not given");
    }

    [Fact]
    public async Task the_same_request_id_again_answered_200_prints_the_known_status()
    {
        var api = new FakeApi().Then(HttpStatusCode.OK, Request("req-2", "applied"));
        var result = await new CliRunner { HttpHandler = api }.RunAsync(
            "merge", "--source", "plan-a", "--target", "plan-b", "--request-id", "req-2", "--api", Api, "--api-key", "k");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("already known", result.Out, StringComparison.Ordinal);
        Assert.Contains("status      applied", result.Out, StringComparison.Ordinal);
        Assert.Contains("survivor    plan-b", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task merge_wait_polls_the_request_until_it_is_decided()
    {
        var api = new FakeApi()
            .Then(HttpStatusCode.Accepted, Request("req-3", "pending"))
            .Then(HttpStatusCode.OK, Request("req-3", "pending"))
            .Then(HttpStatusCode.OK, Request("req-3", "applied"));
        var result = await new CliRunner { HttpHandler = api }.RunAsync(
            "merge", "--source", "plan-a", "--target", "plan-b", "--request-id", "req-3", "--wait", "--api", Api, "--api-key", "k");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, api.Requests.Count);
        Assert.All(api.Requests.Skip(1), r =>
        {
            Assert.Equal(HttpMethod.Get, r.Method);
            Assert.Equal("/api/v1/merges/requests/req-3", r.Path);
            Assert.Equal("k", r.ApiKey);
        });
        Assert.Contains("status      applied", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_refused_merge_exits_1_with_the_reason()
    {
        var api = new FakeApi()
            .Then(HttpStatusCode.Accepted, Request("req-4", "pending"))
            .Then(HttpStatusCode.OK, Request("req-4", "refused", "the source is already merged into plan-c"));
        var result = await new CliRunner { HttpHandler = api }.RunAsync(
            "merge", "--source", "plan-a", "--target", "plan-b", "--request-id", "req-4", "--wait", "--api", Api, "--api-key", "k");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refused: the source is already merged into plan-c", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_401_without_a_key_exits_1_with_a_hint_about_the_api_key()
    {
        var api = new FakeApi().Then(HttpStatusCode.Unauthorized, """{"title":"Unauthorized","status":401,"detail":"An operator API key is required."}""");
        var result = await new CliRunner { HttpHandler = api }.RunAsync("merge", "--source", "plan-a", "--target", "plan-b", "--api", Api);

        Assert.Equal(1, result.ExitCode);
        Assert.Null(Assert.Single(api.Requests).ApiKey);
        Assert.Contains("HTTP 401", result.Error, StringComparison.Ordinal);
        Assert.Contains("An operator API key is required.", result.Error, StringComparison.Ordinal);
        Assert.Contains("hint: no API key was sent: pass --api-key", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_400_problem_prints_title_detail_and_each_field_error()
    {
        var api = new FakeApi().Then(HttpStatusCode.BadRequest, """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,
             "detail":"The merge request is invalid.","errors":{"requestedBy":["must be 1 to 256 characters"],"targetPlanId":["must differ from sourcePlanId"]}}
            """);
        var result = await new CliRunner { HttpHandler = api }.RunAsync("merge", "--source", "plan-a", "--target", "plan-b", "--api", Api, "--api-key", "k");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HTTP 400 BadRequest: One or more validation errors occurred.", result.Error, StringComparison.Ordinal);
        Assert.Contains("The merge request is invalid.", result.Error, StringComparison.Ordinal);
        Assert.Contains("requestedBy: must be 1 to 256 characters", result.Error, StringComparison.Ordinal);
        Assert.Contains("targetPlanId: must differ from sourcePlanId", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_409_for_a_reused_request_id_exits_1_and_suggests_a_new_id()
    {
        var api = new FakeApi().Then(HttpStatusCode.Conflict, """{"title":"Request id already used","status":409,"detail":"req-5 was used for plan-x -> plan-y."}""");
        var result = await new CliRunner { HttpHandler = api }.RunAsync(
            "merge", "--source", "plan-a", "--target", "plan-b", "--request-id", "req-5", "--api", Api, "--api-key", "k");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HTTP 409", result.Error, StringComparison.Ordinal);
        Assert.Contains("req-5 was used for plan-x -> plan-y.", result.Error, StringComparison.Ordinal);
        Assert.Contains("pass a new --request-id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task preview_posts_the_plans_and_prints_verdict_members_and_usage()
    {
        var api = new FakeApi().Then(HttpStatusCode.OK, """
            {"verdict":"would_apply","reason":null,"survivor":"plan-b","memberCount":2,
             "members":[{"userId":"user-1","memberSince":"2026-03-01T09:30:00Z","fromPlanId":"plan-a"},{"userId":"user-2","memberSince":"2026-03-01T10:00:00Z","fromPlanId":"plan-b"}],
             "dailyUsage":[{"day":"2026-03-01","seconds":1200,"events":3,"activeUsers":2}],
             "contentUsage":[{"contentId":"course-csharp-1","seconds":1200,"events":3}]}
            """);
        var result = await new CliRunner { HttpHandler = api }.RunAsync("merge", "--source", "plan-a", "--target", "plan-b", "--preview", "--api", Api, "--api-key", "k");

        Assert.True(result.ExitCode == 0, result.ToString());
        var sent = Assert.Single(api.Requests);
        Assert.Equal("/api/v1/merges/preview", sent.Path);
        Assert.Equal(HttpMethod.Post, sent.Method);
        using var body = JsonDocument.Parse(sent.Body);
        Assert.Equal("plan-a", body.RootElement.GetProperty("sourcePlanId").GetString());
        Assert.Equal("plan-b", body.RootElement.GetProperty("targetPlanId").GetString());
        Assert.False(body.RootElement.TryGetProperty("requestId", out _));
        Assert.Contains("verdict     would_apply", result.Out, StringComparison.Ordinal);
        Assert.Contains("user-2", result.Out, StringComparison.Ordinal);
        Assert.Contains("course-csharp-1", result.Out, StringComparison.Ordinal);
        Assert.Contains("1,200", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unreachable_api_exits_1_naming_the_address()
    {
        var result = await new CliRunner { HttpHandler = new FakeApi().ThenUnreachable() }.RunAsync(
            "merge", "--source", "plan-a", "--target", "plan-b", "--api", Api, "--api-key", "k");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Cannot reach the API at http://127.0.0.1:18080/", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task merge_status_gets_the_request_and_prints_it()
    {
        var api = new FakeApi().Then(HttpStatusCode.OK, Request("req-6", "no_op"));
        var result = await new CliRunner { HttpHandler = api }.RunAsync("merge-status", "req-6", "--api", Api, "--api-key", "k");

        Assert.True(result.ExitCode == 0, result.ToString());
        var sent = Assert.Single(api.Requests);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("/api/v1/merges/requests/req-6", sent.Path);
        Assert.Equal("k", sent.ApiKey);
        Assert.Contains("status      no_op", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task merge_status_of_an_unknown_request_exits_1_with_the_problem()
    {
        var api = new FakeApi().Then(HttpStatusCode.NotFound, """{"title":"Merge request not found","status":404,"detail":"No merge request has id nope."}""");
        var result = await new CliRunner { HttpHandler = api }.RunAsync("merge-status", "nope", "--api", Api, "--api-key", "k");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HTTP 404 NotFound: Merge request not found", result.Error, StringComparison.Ordinal);
        Assert.Contains("No merge request has id nope.", result.Error, StringComparison.Ordinal);
    }
}
