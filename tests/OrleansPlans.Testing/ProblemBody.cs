using System.Net;
using System.Text.Json;

namespace OrleansPlans.Testing;

/// <summary>Reads and checks a problem-details answer (RFC 9457), as the API and the dashboard give for every error.</summary>
public static class ProblemBody
{
    /// <summary>Asserts the status, the problem+json media type and the body's <c>status</c>; returns the body.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        return body;
    }

    /// <summary>The problem's <c>detail</c>, or "".</summary>
    public static string Detail(this JsonElement problem) => problem.GetProperty("detail").GetString() ?? "";
}
