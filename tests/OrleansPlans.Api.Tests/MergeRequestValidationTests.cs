using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace OrleansPlans.Api.Tests;

/// <summary>Operator endpoints refuse callers without an operator key, and bad input with the field and the reason.</summary>
public sealed class MergeRequestValidationTests(ApiCluster cluster)
{
    private readonly StreamMergePublisher _publisher = new(cluster);

    public static TheoryData<string, string> OperatorCalls => new()
    {
        { "POST", "/api/v1/merges" },
        { "POST", "/api/v1/merges/preview" },
        { "GET", "/api/v1/merges/requests" },
        { "GET", "/api/v1/merges/requests/any-id" },
    };

    [Theory]
    [MemberData(nameof(OperatorCalls))]
    public async Task without_a_key_every_operator_call_is_401(string method, string url)
    {
        await using var api = await StartAsync();

        var response = await SendAsync(api, method, url, key: null);

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("This endpoint needs a valid API key in the X-Api-Key header or as an Authorization: Bearer token.", problem.Detail());
        Assert.Empty(_publisher.Published);
    }

    [Theory]
    [MemberData(nameof(OperatorCalls))]
    public async Task a_read_key_is_403_on_every_operator_call(string method, string url)
    {
        await using var api = await StartAsync();

        var response = await SendAsync(api, method, url, OperatorApi.ReadKey);

        await ProblemBody.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task an_operator_key_sent_as_a_bearer_token_is_accepted_and_an_unknown_one_is_401()
    {
        await using var api = await StartAsync();

        var accepted = await SendBearerAsync(api, OperatorApi.OperatorKey);
        var unknown = await SendBearerAsync(api, "not-a-configured-key-at-all");
        var both = await SendBearerAsync(api, OperatorApi.OperatorKey, apiKey: OperatorApi.OperatorKey);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await ProblemBody.AssertAsync(unknown, HttpStatusCode.Unauthorized);
        await ProblemBody.AssertAsync(both, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("""{"sourcePlanId":"a","targetPlanId":"b"}""", "requestId", "field 'requestId' is missing")]
    [InlineData("""{"requestId":"r 1","sourcePlanId":"a","targetPlanId":"b"}""", "requestId",
        "field 'requestId' contains 'U+0020'; identifiers allow only A-Z a-z 0-9 . _ : @ -")]
    [InlineData("""{"requestId":"r1","sourcePlanId":"a!","targetPlanId":"b"}""", "sourcePlanId",
        "field 'sourcePlanId' contains '!'; identifiers allow only A-Z a-z 0-9 . _ : @ -")]
    [InlineData("""{"requestId":"r1","sourcePlanId":"a","targetPlanId":""}""", "targetPlanId",
        "field 'targetPlanId' is empty; identifiers have 1 to 128 characters")]
    [InlineData("""{"requestId":"r1","sourcePlanId":"a","targetPlanId":"a"}""", "targetPlanId",
        "fields 'sourcePlanId' and 'targetPlanId' are both 'a'; a plan cannot be merged into itself")]
    [InlineData("""{"requestId":"r1","sourcePlanId":"a","targetPlanId":"b","occurredAt":"2026-03-01 10:00"}""", "occurredAt",
        "field 'occurredAt' is '2026-03-01 10:00', not an RFC 3339 timestamp with an offset (e.g. 2026-03-01T09:30:00Z)")]
    [InlineData("""{"requestId":"r1","sourcePlanId":"a","targetPlanId":"b","requestedBy":""}""", "requestedBy",
        "field 'requestedBy' has 0 characters; expected 1 to 256, or leave it out to record the caller")]
    [InlineData("""{"requestId":7,"sourcePlanId":"a","targetPlanId":"b"}""", "requestId", "field 'requestId' is a JSON number; expected a string")]
    [InlineData("""[1,2]""", "body", "the body is a JSON array; expected an object")]
    public async Task bad_input_is_400_naming_the_field_and_nothing_is_published(string json, string field, string reason)
    {
        await using var api = await StartAsync();

        var response = await api.PostJsonAsync("/api/v1/merges", json);

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(reason, problem.Detail());
        Assert.Equal(reason, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task a_request_id_that_would_make_too_long_an_event_id_is_400()
    {
        await using var api = await StartAsync();

        var response = await api.PostMergeAsync(new { requestId = new string('r', 126), sourcePlanId = "a", targetPlanId = "b" });

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("field 'requestId' has 126 characters; request ids have at most 125 (the merge event id is 'op:' + requestId)", problem.Detail());
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_400()
    {
        await using var api = await StartAsync();

        var response = await api.PostJsonAsync("/api/v1/merges", "{\"requestId\":");

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("the body is not valid JSON: ", problem.Detail(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"sourcePlanId":"a"}""", "targetPlanId", "field 'targetPlanId' is missing")]
    [InlineData("""{"sourcePlanId":"a","targetPlanId":"a"}""", "targetPlanId",
        "fields 'sourcePlanId' and 'targetPlanId' are both 'a'; a plan cannot be merged into itself")]
    [InlineData("""{"sourcePlanId":"a/b","targetPlanId":"c"}""", "sourcePlanId",
        "field 'sourcePlanId' contains '/'; identifiers allow only A-Z a-z 0-9 . _ : @ -")]
    public async Task a_bad_preview_is_400(string json, string field, string reason)
    {
        await using var api = await StartAsync();

        var response = await api.PostJsonAsync("/api/v1/merges/preview", json);

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(reason, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    private Task<ApiHost> StartAsync() =>
        cluster.StartApiAsync(OperatorApi.Keys, services: services => services.AddSingleton<Publishing.IMergeEventPublisher>(_publisher));

    private static Task<HttpResponseMessage> SendBearerAsync(ApiHost api, string token, string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/merges/requests?pageSize=1");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return api.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static Task<HttpResponseMessage> SendAsync(ApiHost api, string method, string url, string? key) =>
        method == "POST"
            ? api.PostJsonAsync(url, """{"requestId":"v-1","sourcePlanId":"v-a","targetPlanId":"v-b"}""", key)
            : api.GetAsync(url, key);
}
