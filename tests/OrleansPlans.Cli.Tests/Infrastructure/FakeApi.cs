using System.Net;
using System.Text;

namespace OrleansPlans.Cli.Tests;

/// <summary>A recorded request to the fake API.</summary>
internal sealed record RecordedRequest(HttpMethod Method, string Path, string? ApiKey, string? ContentType, string Body);

/// <summary>
/// The host's HTTP API as the CLI sees it: answers each request with the next scripted response and records what was
/// sent (method, path, X-Api-Key, body), so tests can check both sides of the contract.
/// </summary>
internal sealed class FakeApi : HttpMessageHandler
{
    private readonly Queue<Func<RecordedRequest, HttpResponseMessage>> _responses = new();

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Scripts the next response: a JSON body (problem JSON for 4xx/5xx) with <paramref name="status"/>.</summary>
    public FakeApi Then(HttpStatusCode status, string json)
    {
        _responses.Enqueue(_ => new HttpResponseMessage(status)
        {
            Content = new StringContent(json, Encoding.UTF8, (int)status >= 400 ? "application/problem+json" : "application/json"),
        });
        return this;
    }

    /// <summary>Scripts the next request to fail as an unreachable host would.</summary>
    public FakeApi ThenUnreachable()
    {
        _responses.Enqueue(_ => throw new HttpRequestException("Connection refused (127.0.0.1:8080)"));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!.AbsolutePath,
            request.Headers.TryGetValues("X-Api-Key", out var keys) ? keys.Single() : null,
            request.Content?.Headers.ContentType?.MediaType,
            body);
        Requests.Add(recorded);
        if (!_responses.TryDequeue(out var respond))
        {
            throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}: no response scripted.");
        }

        return respond(recorded);
    }
}
