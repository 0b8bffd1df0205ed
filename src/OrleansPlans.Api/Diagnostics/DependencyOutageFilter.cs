using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrleansPlans.Api.Diagnostics;

/// <summary>
/// Answers 503 problem details (with <c>Retry-After</c>) instead of a bare 500 when an endpoint failed because
/// PostgreSQL, Kafka or the cluster did not answer: the request was fine and will work again once the system is back,
/// which a client and an operator both need to tell from a bug. Other exceptions pass through (500).
/// </summary>
internal sealed class DependencyOutageFilter(ILogger<DependencyOutageFilter> logger, ApiLogLimits limits) : IEndpointFilter
{
    /// <summary>Seconds a client is asked to wait before retrying.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (Exception error) when (!http.RequestAborted.IsCancellationRequested && DependencyOutage.Of(error) is { } system)
        {
            if (limits.Outages.TryAcquire(out var suppressed))
            {
                ApiLog.DependencyUnavailable(logger, http.Request.Method, http.Request.Path, system, suppressed, error);
            }

            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

            // The exception text is logged, not answered: it may name internal hosts and ports.
            return TypedResults.Problem(
                detail: $"{system} did not answer, so this request could not be served now; nothing is wrong with the request. Retry in a few seconds.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: $"{system} unavailable");
        }
    }
}
