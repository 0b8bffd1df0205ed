using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansPlans.Host.Health;

/// <summary>Answers at once with the latest background result of one probe (see <see cref="ReadinessProbes"/>).</summary>
public sealed class CachedHealthCheck(ReadinessProbes probes, string name) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(probes.Latest(name));
}
