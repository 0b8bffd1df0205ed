using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OrleansPlans.Api.Authentication;

/// <summary>
/// Where a request carries its key: the <c>X-Api-Key</c> header, or an <c>Authorization: Bearer</c> token (the same
/// configured keys, for clients and proxies that only speak bearer tokens). Other authorization schemes are not ours.
/// </summary>
internal static class PresentedKey
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Whether the request presents a key at all (well-formed or not).</summary>
    public static bool IsPresented(HttpRequest request) => request.Headers.ContainsKey(ApiKeyDefaults.HeaderName) || BearerValues(request).Any();

    /// <summary>The presented key; null with no <paramref name="error"/> when none is presented; null with an error when malformed.</summary>
    public static string? Read(HttpRequest request, out string? error)
    {
        error = null;
        var apiKeys = request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values) ? values : default;
        var bearers = BearerValues(request).ToList();
        if (apiKeys.Count + bearers.Count == 0)
        {
            return null;
        }

        if (apiKeys.Count + bearers.Count > 1)
        {
            error = $"send exactly one key, in the {ApiKeyDefaults.HeaderName} header or as one bearer token";
            return null;
        }

        var key = apiKeys.Count == 1 ? apiKeys[0] : bearers[0];
        if (string.IsNullOrEmpty(key))
        {
            error = $"the {ApiKeyDefaults.HeaderName} header or bearer token is empty";
            return null;
        }

        return key;
    }

    private static IEnumerable<string> BearerValues(HttpRequest request) =>
        request.Headers[HeaderNames.Authorization]
            .Where(v => v is not null && v.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(v => v![BearerPrefix.Length..].Trim());
}
