using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansPlans.Host.Health;

/// <summary>A dependency check that <see cref="ReadinessProbes"/> runs in the background under <paramref name="Name"/>.</summary>
public sealed record ReadinessProbe(string Name, IHealthCheck Check);
