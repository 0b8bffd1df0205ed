using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansPlans.Streaming.Kafka;

namespace OrleansPlans.Host.Health;

/// <summary>
/// Not ready while an input partition this silo reads is stuck behind a record it can neither process nor dead-letter:
/// the records behind it are not applied, so the silo must not look healthy. Names each partition and offset.
/// A process that reads no input (no Kafka input streams registered) has nothing to report.
/// </summary>
public sealed class StuckPartitionsHealthCheck(IKafkaStuckPartitions? stuck) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (stuck is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy("this process reads no input partitions"));
        }

        var current = stuck.Current;
        if (current.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("no input partition is stuck"));
        }

        var described = current.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Topic}[{p.Partition}] stuck at offset {p.Offset} since {p.Since.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} after {p.Failures} failures: {p.LastError}"));
        return Task.FromResult(HealthCheckResult.Unhealthy(string.Join("; ", described)));
    }
}
