using System.Net;

namespace OrleansPlans.Cli.Http;

/// <summary>An API response: the body on success, the problem (or raw text) otherwise.</summary>
internal sealed record ApiResult<T>(HttpStatusCode Status, T? Value, ProblemDetailsBody? Problem, string? RawBody)
    where T : class
{
    public bool IsSuccess => (int)Status is >= 200 and < 300 && Value is not null;
}
