using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace OrleansPlans.Dashboard.Tests;

/// <summary>
/// The dashboard's endpoints, found from the host's routes: those that take a body (none today) answer 400 problem
/// details for a malformed one, and the reads answer a request carrying a malformed body exactly as one without, never 500.
/// </summary>
public sealed class MalformedBodyTests(AnalyticsDatabaseFixture database)
{
    private static readonly byte[] InvalidUtf8Json = [.. """{"search":"a"""u8, 0xFF, 0xFE, .. "\"}"u8];

    [Fact]
    public async Task a_malformed_body_never_changes_the_answer_of_a_read_nor_makes_a_500()
    {
        await using var host = await DashboardHost.StartAsync(database, status: new FixedPipelineStatusSource(FixedPipelineStatusSource.Sample));
        var routes = Routes(host).ToList();
        Assert.Contains(("GET", "/api/v1/analytics/plans"), routes);
        Assert.Contains(("GET", "/api/v1/status"), routes);

        foreach (var (method, url) in routes)
        {
            foreach (var (contentType, body) in new (string, byte[])[] { ("application/json", InvalidUtf8Json), ("application/json", []), ("text/plain", "{}"u8.ToArray()) })
            {
                using var plain = await SendAsync(host, method, url, null, null);
                using var withBody = await SendAsync(host, method, url, contentType, body);

                if (method is "POST" or "PUT" or "PATCH")
                {
                    await ProblemBody.AssertAsync(withBody, HttpStatusCode.BadRequest);
                }
                else
                {
                    Assert.True(plain.StatusCode == withBody.StatusCode, $"{method} {url} answered {(int)withBody.StatusCode} with a {contentType} body, {(int)plain.StatusCode} without");
                    Assert.True((int)withBody.StatusCode < 500, $"{method} {url} answered {(int)withBody.StatusCode}");
                }
            }
        }
    }

    private static Task<HttpResponseMessage> SendAsync(DashboardHost host, string method, string url, string? contentType, byte[]? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        return host.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    // Every route with its methods, route parameters filled with a seeded plan.
    private static IEnumerable<(string Method, string Url)> Routes(DashboardHost host) =>
        from endpoint in host.Endpoints.OfType<RouteEndpoint>()
        from method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []
        select (method, "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => s.Parts is [RoutePatternLiteralPart literal]
            ? literal.Content
            : Seed.Alpha)));
}
