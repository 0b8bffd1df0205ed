using System.Net;

namespace OrleansPlans.Dashboard.Tests;

public sealed class PageAssetTests(AnalyticsDatabaseFixture database)
{
    [Theory]
    [InlineData("/", "text/html", "<title>OrleansPlans dashboard</title>")]
    [InlineData("/dashboard", "text/html", "<title>OrleansPlans dashboard</title>")]
    [InlineData("/dashboard/dashboard.js", "text/javascript", "'/api/v1/status'")]
    [InlineData("/dashboard/dashboard.css", "text/css", ".bars .bar")]
    public async Task page_files_are_served_with_their_type_and_revalidated_by_entity_tag(string url, string mediaType, string excerpt)
    {
        await using var host = await DashboardHost.StartAsync(database);

        var response = await host.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((mediaType, "utf-8"), (response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.CharSet));
        Assert.Contains(excerpt, body, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoCache, $"Cache-Control is '{response.Headers.CacheControl}'");
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("script-src 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
        revalidate.Headers.IfNoneMatch.Add(response.Headers.ETag ?? throw new InvalidOperationException("no ETag"));
        var unchanged = await host.Http.SendAsync(revalidate, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }

    [Fact]
    public async Task the_page_links_operators_to_the_orleans_dashboard_the_host_serves_at_orleans()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var html = await host.Http.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("<a href=\"/orleans/\" data-testid=\"orleans-dashboard-link\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_file_under_dashboard_is_404()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var response = await host.GetAsync("/dashboard/secrets.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task the_page_has_the_sections_and_labels_the_browser_test_and_screen_readers_rely_on()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var html = await host.Http.GetStringAsync("/", TestContext.Current.CancellationToken);

        foreach (var required in new[]
        {
            "<html lang=\"en\">", "id=\"health\"", "id=\"plans-table\"", "<caption>Plans by id", "<label for=\"plan-search\">",
            "id=\"plan-detail\"", "id=\"members-table\"", "id=\"merges-table\"", "<label for=\"key-input\">",
        })
        {
            Assert.Contains(required, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task the_script_never_parses_server_text_as_html()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var script = await host.Http.GetStringAsync("/dashboard/dashboard.js", TestContext.Current.CancellationToken);

        // Plan ids are identifiers, but dead-letter reasons and status warnings are free text: they must stay text.
        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function" })
        {
            Assert.DoesNotContain(sink, script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task the_openapi_document_describes_the_dashboard_reads()
    {
        await using var host = await DashboardHost.StartAsync(database);

        var document = await host.Http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        foreach (var path in new[]
        {
            "/api/v1/analytics/plans", "/api/v1/analytics/plans/{planId}/daily", "/api/v1/analytics/plans/{planId}/monthly", "/api/v1/analytics/plans/{planId}/members",
            "/api/v1/analytics/merges", "/api/v1/analytics/dead-letters", "/api/v1/status",
        })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\"/dashboard\"", document, StringComparison.Ordinal); // the page is not an API
    }
}
