using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansPlans.Host.Health;

/// <summary>Writes a health report as JSON naming each check, so an operator sees which dependency is down, not just "Unhealthy".</summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new HealthReportBody(
            report.Status.ToString(),
            report.TotalDuration.TotalMilliseconds,
            report.Entries.Select(e => new HealthEntryBody(e.Key, e.Value.Status.ToString(), e.Value.Description, e.Value.Duration.TotalMilliseconds)).ToArray());
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HostJsonContext.Default.HealthReportBody, context.RequestAborted);
    }
}

/// <summary>The JSON body of <c>/health/live</c> and <c>/health/ready</c>.</summary>
public sealed record HealthReportBody(string Status, double DurationMs, IReadOnlyList<HealthEntryBody> Checks);

/// <summary>One check in <see cref="HealthReportBody"/>.</summary>
public sealed record HealthEntryBody(string Name, string Status, string? Description, double DurationMs);
