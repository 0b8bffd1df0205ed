using System.Text.Json;

namespace OrleansPlans.Api.Tests;

public sealed class OpenApiDocumentTests(ApiCluster cluster)
{
    [Fact]
    public async Task the_openapi_document_lists_every_endpoint_and_the_api_key_scheme()
    {
        await using var api = await cluster.StartApiAsync();

        var text = await api.Http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        var document = JsonDocument.Parse(text).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[]
            {
                "/api/v1/merges",
                "/api/v1/merges/preview",
                "/api/v1/merges/requests",
                "/api/v1/merges/requests/{requestId}",
                "/api/v1/merges/{mergeId}",
                "/api/v1/plans/{planId}",
                "/api/v1/plans/{planId}/members",
                "/api/v1/plans/{planId}/usage",
                "/api/v1/users/{userId}",
            },
            paths);
        var usage = document.GetProperty("paths").GetProperty("/api/v1/plans/{planId}/usage").GetProperty("get");
        Assert.Equal("GetPlanUsage", usage.GetProperty("operationId").GetString());
        var parameters = usage.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(new[] { "planId", "granularity", "from", "to" }, parameters);
        Assert.True(usage.GetProperty("responses").TryGetProperty("400", out _), "the usage operation documents its 400");
        Assert.True(usage.GetProperty("responses").TryGetProperty("404", out _), "the usage operation documents its 404");
        Assert.True(usage.GetProperty("responses").TryGetProperty("503", out _), "the usage operation documents its 503 (an outage)");
        var merge = document.GetProperty("paths").GetProperty("/api/v1/merges").GetProperty("post");
        var body = merge.GetProperty("requestBody");
        Assert.True(body.GetProperty("required").GetBoolean());
        Assert.True(body.GetProperty("content").TryGetProperty("application/json", out _), "the merge request documents its JSON body");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"),
            (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString()));
    }
}
