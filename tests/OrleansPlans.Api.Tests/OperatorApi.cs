using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using OrleansPlans.Api.Responses;

namespace OrleansPlans.Api.Tests;

/// <summary>Calls the operator endpoints with a key, as the CLI would.</summary>
internal static class OperatorApi
{
    public const string OperatorKey = "operator-key-merge-ops-0123";
    public const string ReadKey = "read-key-merge-ops-0123456";

    public static readonly Dictionary<string, string?> Keys = new()
    {
        ["Api:OperatorKeys:0"] = OperatorKey,
        ["Api:ReadKeys:0"] = ReadKey,
    };

    private static readonly TimeSpan DecisionDeadline = TimeSpan.FromSeconds(20);

    public static Task<HttpResponseMessage> PostJsonAsync(
        this ApiHost api, string url, string json, string? key = OperatorKey, IReadOnlyDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return SendAsync(api, request, key, headers);
    }

    public static Task<HttpResponseMessage> PostMergeAsync(this ApiHost api, object body, string? key = OperatorKey, IReadOnlyDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/merges") { Content = JsonContent.Create(body) };
        return SendAsync(api, request, key, headers);
    }

    public static Task<HttpResponseMessage> SendAsync(this ApiHost api, HttpRequestMessage request, string? key = OperatorKey) =>
        SendAsync(api, request, key, null);

    public static Task<HttpResponseMessage> GetAsync(this ApiHost api, string url, string? key = OperatorKey) =>
        SendAsync(api, new HttpRequestMessage(HttpMethod.Get, url), key, null);

    /// <summary>Polls the request's status (bounded) until the coordinator has decided and carried it out.</summary>
    public static async Task<MergeRequestResponse> WaitUntilDecidedAsync(this ApiHost api, string requestId)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var current = await (await api.GetAsync($"/api/v1/merges/requests/{requestId}")).ReadAsync<MergeRequestResponse>();
            if (current.Status != "pending")
            {
                return current;
            }

            Assert.True(clock.Elapsed < DecisionDeadline, $"merge request {requestId} still pending after {DecisionDeadline}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static Task<HttpResponseMessage> SendAsync(ApiHost api, HttpRequestMessage request, string? key, IReadOnlyDictionary<string, string>? headers)
    {
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return api.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
