using Microsoft.Extensions.Options;

namespace OrleansPlans.Host.Telemetry;

/// <summary>Section <c>Telemetry</c>: a service name, an absolute OTLP endpoint when one is set, a scrape path.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = name ?? "Telemetry";
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            problems.Add($"{section}:{nameof(options.ServiceName)} must not be empty.");
        }

        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint)
            && (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            problems.Add($"{section}:{nameof(options.OtlpEndpoint)} must be an absolute http or https URL (e.g. http://collector:4317).");
        }

        if (options.Prometheus && !options.PrometheusPath.StartsWith('/'))
        {
            problems.Add($"{section}:{nameof(options.PrometheusPath)} must start with '/'.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
