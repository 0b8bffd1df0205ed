using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OrleansPlans.Api.Endpoints;

/// <summary>The problem-details bodies of the API's 400 and 404 answers; public so the dashboard's reads answer alike.</summary>
public static class ApiProblems
{
    /// <summary>A 400 naming the parameter, with the reason both in <c>detail</c> and under <c>errors[parameter]</c>.</summary>
    public static ValidationProblem Invalid(string parameter, string reason) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [parameter] = [reason] },
            detail: reason,
            title: $"Invalid '{parameter}'");

    /// <summary>A 404 with a <paramref name="title"/> and a <paramref name="detail"/> saying what was not found.</summary>
    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: title);
}
