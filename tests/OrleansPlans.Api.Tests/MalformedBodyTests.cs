using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansPlans.Api.Tests;

/// <summary>
/// Every endpoint that takes a body, found from the host's routes (so a new one is covered without touching this test),
/// answers 400 problem details for any malformed body — never 500 — and acts on none of them.
/// </summary>
public sealed class MalformedBodyTests(ApiCluster cluster)
{
    private static readonly Dictionary<string, (string? ContentType, byte[] Body)> Bodies = new()
    {
        ["invalid UTF-8 inside a string"] = ("application/json", [.. """{"requestId":"mb-1","sourcePlanId":"mb-a"""u8, 0xFF, 0xFE, .. "\",\"targetPlanId\":\"mb-b\"}"u8]),
        ["invalid UTF-8 outside strings"] = ("application/json", [0xC3, .. """{"requestId":"mb-1","sourcePlanId":"mb-a","targetPlanId":"mb-b"}"""u8]),
        ["an overlong UTF-8 encoding"] = ("application/json", [.. """{"requestId":"mb-1","sourcePlanId":"mb-"""u8, 0xC0, 0xAF, .. "\",\"targetPlanId\":\"mb-b\"}"u8]),
        ["UTF-16 text"] = ("application/json; charset=utf-16", Encoding.Unicode.GetBytes("""{"requestId":"mb-1","sourcePlanId":"mb-a","targetPlanId":"mb-b"}""")),
        ["truncated JSON"] = ("application/json", """{"requestId":"mb-1","sourcePlanId":"""u8.ToArray()),
        ["trailing garbage"] = ("application/json", """{"requestId":"mb-1","sourcePlanId":"mb-a","targetPlanId":"mb-b"} x"""u8.ToArray()),
        ["an empty body"] = ("application/json", []),
        ["only whitespace"] = ("application/json", " \r\n\t "u8.ToArray()),
        ["JSON null"] = ("application/json", "null"u8.ToArray()),
        ["a JSON array"] = ("application/json", """[{"requestId":"mb-1","sourcePlanId":"mb-a","targetPlanId":"mb-b"}]"""u8.ToArray()),
        ["a JSON string"] = ("application/json", "\"mb-a\""u8.ToArray()),
        ["fields of the wrong types"] = ("application/json", """{"requestId":1,"sourcePlanId":true,"targetPlanId":{"id":"mb-b"}}"""u8.ToArray()),
        ["an unpaired surrogate escape"] = ("application/json", """{"requestId":"mb-1","sourcePlanId":"\ud800","targetPlanId":"mb-b"}"""u8.ToArray()),
        ["nesting deeper than 64"] = ("application/json", Encoding.ASCII.GetBytes(new string('[', 200) + new string(']', 200))),
        ["valid JSON as text/plain"] = ("text/plain", """{"requestId":"mb-1","sourcePlanId":"mb-a","targetPlanId":"mb-b"}"""u8.ToArray()),
        ["valid JSON as a form"] = ("application/x-www-form-urlencoded", """{"requestId":"mb-1","sourcePlanId":"mb-a","targetPlanId":"mb-b"}"""u8.ToArray()),
        ["no content type"] = (null, """{"requestId":"mb-1","sourcePlanId":"mb-a","targetPlanId":"mb-b"}"""u8.ToArray()),
    };

    private readonly StreamMergePublisher _publisher = new(cluster);

    public static TheoryData<string> BadBodies => [.. Bodies.Keys];

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task every_endpoint_taking_a_body_answers_400_problem_details_and_publishes_nothing(string bad)
    {
        await using var api = await StartAsync();
        var (contentType, body) = Bodies[bad];

        foreach (var (method, url) in BodyEndpoints(api))
        {
            var content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = content });

            var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").EnumerateObject().Any(), $"{method} {url} with {bad}: no field named");
        }

        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task a_body_over_the_limit_sent_without_a_length_is_400()
    {
        await using var api = await StartAsync();
        var json = """{"requestId":"mb-1","sourcePlanId":"mb-a","targetPlanId":"mb-b"}""" + new string(' ', 70 * 1024);

        foreach (var (method, url) in BodyEndpoints(api))
        {
            // A stream of unknown length: sent chunked, so the Content-Length check cannot catch it.
            var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(json)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

            var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = content });

            var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.BadRequest);
            Assert.StartsWith("the body has more than 65536 bytes", problem.Detail(), StringComparison.Ordinal);
        }

        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task the_endpoints_found_are_the_api_s_posts()
    {
        await using var api = await StartAsync();

        Assert.Equal(
            ["POST /api/v1/merges", "POST /api/v1/merges/preview"],
            BodyEndpoints(api).Select(e => $"{e.Method} {e.Url}").Order(StringComparer.Ordinal));
    }

    private Task<ApiHost> StartAsync() =>
        cluster.StartApiAsync(OperatorApi.Keys, services: services => services.AddSingleton<Publishing.IMergeEventPublisher>(_publisher));

    // Every route answering POST, PUT or PATCH, with route parameters filled in.
    private static IEnumerable<(string Method, string Url)> BodyEndpoints(ApiHost api) =>
        from endpoint in api.Endpoints.OfType<RouteEndpoint>()
        from method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []
        where method is "POST" or "PUT" or "PATCH"
        select (method, "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => s.IsSimple && s.Parts[0].IsLiteral
            ? ((Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart)s.Parts[0]).Content
            : "mb-x")));

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
