namespace OrleansPlans.Cli.Http;

/// <summary>An RFC 7807 problem as the API writes it (<c>application/problem+json</c>).</summary>
internal sealed record ProblemDetailsBody(string? Type, string? Title, int? Status, string? Detail, IReadOnlyDictionary<string, string[]>? Errors);
