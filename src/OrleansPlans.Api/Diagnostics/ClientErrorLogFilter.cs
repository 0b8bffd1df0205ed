using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace OrleansPlans.Api.Diagnostics;

/// <summary>
/// Logs the 400 answers of an endpoint (what was wrong, from where) so an operator sees a misbehaving client, at a
/// bounded rate (<see cref="ApiLogLimits.BadRequests"/>) so that client cannot flood the log.
/// </summary>
internal sealed class ClientErrorLogFilter(ILogger<ClientErrorLogFilter> logger, ApiLogLimits limits) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is IStatusCodeHttpResult { StatusCode: StatusCodes.Status400BadRequest } && limits.BadRequests.TryAcquire(out var suppressed))
        {
            var http = context.HttpContext;
            var detail = (answer as IValueHttpResult)?.Value is ProblemDetails problem ? problem.Detail : null;
            ApiLog.BadRequest(logger, http.Request.Method, http.Request.Path, http.Connection.RemoteIpAddress?.ToString(), detail, suppressed);
        }

        return result;
    }
}
