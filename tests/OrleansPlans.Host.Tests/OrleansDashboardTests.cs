using System.Net;
using System.Net.Http.Headers;
using OrleansPlans.Api.Authentication;

namespace OrleansPlans.Host.Tests;

/// <summary>
/// The Orleans Dashboard is for operators only: a browser without a key is sent to the sign-in form, the dashboard's
/// data requests get 401 (never 500), an operator key opens it from the header or through the sign-in cookie, and
/// that cookie works on every host sharing the key ring while it names a key the host still accepts.
/// </summary>
public sealed class OrleansDashboardTests(KeyRingDatabase keyRing) : IClassFixture<KeyRingDatabase>
{
    private const string OperatorKey = "operator-key-0123456789abcdef";

    [Fact]
    public async Task a_browser_without_a_key_is_redirected_to_the_sign_in_and_returns_to_the_dashboard()
    {
        await using var host = await OrleansDashboardHost.StartAsync(keyRing.ConnectionString, OperatorKey);

        var response = await SendAsync(host, Page("/orleans/"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/operator/sign-in?ReturnUrl=%2Forleans%2F", Location(host, response));
        var form = await SendAsync(host, Page(Location(host, response)));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("name=\"key\" type=\"password\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/orleans/\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-key-of-this-host", HttpStatusCode.Unauthorized)]
    [InlineData(OrleansDashboardHost.ReadKey, HttpStatusCode.Forbidden)]
    public async Task the_dashboards_data_needs_an_operator_key(string? key, HttpStatusCode expected)
    {
        await using var host = await OrleansDashboardHost.StartAsync(keyRing.ConnectionString, OperatorKey);
        var request = new HttpRequestMessage(HttpMethod.Get, "/orleans/DashboardCounters");
        if (key is not null)
        {
            request.Headers.Add(ApiKeyDefaults.HeaderName, key);
        }

        var response = await SendAsync(host, request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task the_operator_key_in_the_header_is_served_the_dashboard_and_the_clusters_figures()
    {
        await using var host = await OrleansDashboardHost.StartAsync(keyRing.ConnectionString, OperatorKey);

        var page = await SendAsync(host, WithKey(Page("/orleans/")));
        var counters = await SendAsync(host, WithKey(new HttpRequestMessage(HttpMethod.Get, "/orleans/DashboardCounters")));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        Assert.Contains("\"hosts\"", await counters.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_sign_in_cookie_opens_the_dashboard_on_another_host_sharing_the_key_ring()
    {
        await using var first = await OrleansDashboardHost.StartAsync(keyRing.ConnectionString, OperatorKey);
        await using var second = await OrleansDashboardHost.StartAsync(keyRing.ConnectionString, OperatorKey);

        var signIn = await SendAsync(first, SignIn(OperatorKey, "/orleans/"));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/orleans/", Location(first, signIn));
        var cookie = SignInCookie(signIn);
        Assert.Contains("httponly", cookie.Attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie.Attributes, StringComparer.OrdinalIgnoreCase);
        Assert.True(await keyRing.KeyCountAsync() > 0, "the key ring is not in PostgreSQL");
        foreach (var host in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(host, WithCookie(Page("/orleans/"), cookie.Pair))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(host, WithCookie(new HttpRequestMessage(HttpMethod.Get, "/orleans/ClusterStats"), cookie.Pair))).StatusCode);
        }
    }

    [Fact]
    public async Task a_cookie_for_a_key_the_host_no_longer_accepts_is_refused()
    {
        await using var signedIn = await OrleansDashboardHost.StartAsync(keyRing.ConnectionString, OperatorKey);
        await using var rotated = await OrleansDashboardHost.StartAsync(keyRing.ConnectionString, "operator-key-after-rotation-0123");
        var cookie = SignInCookie(await SendAsync(signedIn, SignIn(OperatorKey, "/orleans/")));

        var response = await SendAsync(rotated, WithCookie(Page("/orleans/"), cookie.Pair));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/operator/sign-in", Location(rotated, response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-key-of-this-host")]
    [InlineData(OrleansDashboardHost.ReadKey)]
    [InlineData("")]
    public async Task a_sign_in_without_an_operator_key_shows_the_form_again_with_401_and_no_cookie(string key)
    {
        await using var host = await OrleansDashboardHost.StartAsync(keyRing.ConnectionString, OperatorKey);

        var response = await SendAsync(host, SignIn(key, "/orleans/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("That is not an operator key.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task a_sign_in_returns_only_to_a_page_of_this_server(string returnUrl)
    {
        await using var host = await OrleansDashboardHost.StartAsync(keyRing.ConnectionString, OperatorKey);

        var response = await SendAsync(host, SignIn(OperatorKey, returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", Location(host, response));
    }

    [Fact]
    public async Task a_sign_in_body_that_is_not_a_form_is_400()
    {
        await using var host = await OrleansDashboardHost.StartAsync(keyRing.ConnectionString, OperatorKey);
        var request = new HttpRequestMessage(HttpMethod.Post, OperatorSignInDefaults.SignInPath)
        {
            Content = new StringContent($$"""{"key":"{{OperatorKey}}"}""", System.Text.Encoding.UTF8, "application/json"),
        };

        var response = await SendAsync(host, request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<HttpResponseMessage> SendAsync(OrleansDashboardHost host, HttpRequestMessage request) =>
        await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

    // The path and query a redirect points to, whether the Location is absolute or relative.
    private static string Location(OrleansDashboardHost host, HttpResponseMessage response) =>
        new Uri(host.Http.BaseAddress!, response.Headers.Location ?? throw new InvalidOperationException("no Location")).PathAndQuery;

    // As a browser navigates to a page.
    private static HttpRequestMessage Page(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return request;
    }

    private static HttpRequestMessage WithKey(HttpRequestMessage request)
    {
        request.Headers.Add(ApiKeyDefaults.HeaderName, OperatorKey);
        return request;
    }

    private static HttpRequestMessage WithCookie(HttpRequestMessage request, string cookie)
    {
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    private static HttpRequestMessage SignIn(string key, string returnUrl) => new(HttpMethod.Post, OperatorSignInDefaults.SignInPath)
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key, ["returnUrl"] = returnUrl }),
    };

    private static (string Pair, string[] Attributes) SignInCookie(HttpResponseMessage response)
    {
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(OperatorSignInDefaults.CookieName + "=", StringComparison.Ordinal));
        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        return (parts[0], parts[1..]);
    }
}
