using System.Net;
using System.Text.Json;

namespace OrleansPlans.Testing;

/// <summary>Reads a typed JSON answer after checking its status; a wrong status fails with the body in the message.</summary>
public static class ResponseBody
{
    /// <summary>The body of a 200 answer.</summary>
    public static Task<T> ReadAsync<T>(this HttpResponseMessage response) => response.ReadAsync<T>(HttpStatusCode.OK);

    /// <summary>The body of a 200 answer still on its way (disposed once read).</summary>
    public static async Task<T> ReadAsync<T>(this Task<HttpResponseMessage> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        using var response = await pending;
        return await response.ReadAsync<T>();
    }

    /// <summary>The body of an answer with <paramref name="status"/>.</summary>
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, JsonSerializerOptions.Web) ?? throw new InvalidOperationException($"empty body: {text}");
    }
}
