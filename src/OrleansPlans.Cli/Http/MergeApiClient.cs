using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OrleansPlans.Cli.Http;

/// <summary>The host's merge endpoints (operator key in <c>X-Api-Key</c>).</summary>
internal sealed class MergeApiClient(HttpClient http)
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>An HTTP client for <paramref name="baseAddress"/> sending <paramref name="apiKey"/> when given.</summary>
    public static HttpClient CreateHttpClient(Uri baseAddress, string? apiKey, HttpMessageHandler? handler, TimeSpan timeout)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.BaseAddress = baseAddress;
        client.Timeout = timeout;
        client.DefaultRequestHeaders.UserAgent.ParseAdd("orleansplans-cli/1.0");
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        }

        return client;
    }

    public Task<ApiResult<MergeRequestResponse>> SubmitAsync(MergeRequestBody body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/v1/merges", JsonContent.Create(body, CliJsonContext.Default.MergeRequestBody),
            CliJsonContext.Default.MergeRequestResponse, cancellationToken);

    public Task<ApiResult<MergeRequestResponse>> GetRequestAsync(string requestId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/v1/merges/requests/{Uri.EscapeDataString(requestId)}", null,
            CliJsonContext.Default.MergeRequestResponse, cancellationToken);

    public Task<ApiResult<MergePreviewResponse>> PreviewAsync(MergePreviewBody body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/v1/merges/preview", JsonContent.Create(body, CliJsonContext.Default.MergePreviewBody),
            CliJsonContext.Default.MergePreviewResponse, cancellationToken);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException error)
        {
            throw new CliFailure($"Cannot reach the API at {http.BaseAddress}: {error.Message}", error);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliFailure($"The API at {http.BaseAddress} did not answer within {http.Timeout.TotalSeconds:0} s.", error);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                var value = TryParse(text, type) ?? throw new CliFailure(
                    $"The API answered {(int)response.StatusCode} with a body that is not the expected JSON: {Shorten(text)}");
                return new ApiResult<T>(response.StatusCode, value, null, text);
            }

            return new ApiResult<T>(response.StatusCode, null, TryParse(text, CliJsonContext.Default.ProblemDetailsBody), text);
        }
    }

    private static TValue? TryParse<TValue>(string text, JsonTypeInfo<TValue> type)
        where TValue : class
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
