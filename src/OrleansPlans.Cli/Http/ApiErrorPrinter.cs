using System.Net;

namespace OrleansPlans.Cli.Http;

/// <summary>Prints a failed API call as the operator needs it: status, title, detail, field errors and a hint.</summary>
internal static class ApiErrorPrinter
{
    public static async Task<int> PrintAsync<T>(TextWriter error, ApiResult<T> result, bool keyWasSent, string? requestId = null)
        where T : class
    {
        var status = (int)result.Status;
        var problem = result.Problem;
        await error.WriteLineAsync($"error: HTTP {status} {result.Status}: {problem?.Title ?? "the API refused the request"}").ConfigureAwait(false);
        if (problem?.Detail is { Length: > 0 } detail)
        {
            await error.WriteLineAsync($"  {detail}").ConfigureAwait(false);
        }

        foreach (var (field, messages) in problem?.Errors ?? new Dictionary<string, string[]>())
        {
            foreach (var message in messages)
            {
                await error.WriteLineAsync($"  {field}: {message}").ConfigureAwait(false);
            }
        }

        if (problem is null && !string.IsNullOrWhiteSpace(result.RawBody))
        {
            await error.WriteLineAsync($"  {MergeApiClient.Shorten(result.RawBody.Trim())}").ConfigureAwait(false);
        }

        var hint = result.Status switch
        {
            HttpStatusCode.Unauthorized when !keyWasSent =>
                "no API key was sent: pass --api-key KEY or set ORLEANSPLANS_API_KEY to an operator key.",
            HttpStatusCode.Unauthorized =>
                "the API key was not accepted: check --api-key / ORLEANSPLANS_API_KEY.",
            HttpStatusCode.Forbidden => "the API key is valid but lacks the operator role needed for merges.",
            HttpStatusCode.Conflict when requestId is not null =>
                $"request id '{requestId}' was already used for other plans; pass a new --request-id (or none for a fresh one).",
            HttpStatusCode.ServiceUnavailable => "the host is not ready (starting, or its cluster is unavailable); try again shortly.",
            _ => null,
        };
        if (hint is not null)
        {
            await error.WriteLineAsync($"hint: {hint}").ConfigureAwait(false);
        }

        return ExitCodes.Failure;
    }
}
