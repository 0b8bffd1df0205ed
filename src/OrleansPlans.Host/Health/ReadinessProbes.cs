using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace OrleansPlans.Host.Health;

/// <summary>
/// Runs the dependency probes (Kafka, PostgreSQL) in the background, each in its own loop every <see cref="Interval"/>,
/// and keeps each one's latest result for <c>/health/ready</c> to answer from at once. Cached rather than run per
/// request with a short timeout: a probe against a broker that is down takes its whole timeout (3 s), which made
/// readiness answer late (past the orchestrator's 1 s default probe timeout) exactly during an outage, and a short
/// timeout would instead fail a slow but working broker; this way a probe costs the same however often it is polled.
/// A result older than <see cref="MaxAge"/> (a probe that hangs) counts as unhealthy.
/// </summary>
public sealed class ReadinessProbes(IEnumerable<ReadinessProbe> probes, TimeProvider time) : BackgroundService
{
    /// <summary>How often each probe runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>How old the latest result may be before readiness stops trusting it: a probe's own timeout (3 s) plus margin.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (HealthCheckResult Result, DateTimeOffset At)> _latest = new(StringComparer.Ordinal);

    /// <summary>The latest result of the probe <paramref name="name"/>, unhealthy when there is none yet or it is too old.</summary>
    public HealthCheckResult Latest(string name)
    {
        if (!_latest.TryGetValue(name, out var latest))
        {
            return HealthCheckResult.Unhealthy($"{name}: not probed yet");
        }

        var age = time.GetUtcNow() - latest.At;
        if (age > MaxAge)
        {
            return HealthCheckResult.Unhealthy($"{name}: no probe result for {age.TotalSeconds:0} s (the probe hangs); the last said: {latest.Result.Description}");
        }

        return new HealthCheckResult(latest.Result.Status, $"{latest.Result.Description} (probed {age.TotalSeconds:0.0} s ago)");
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(probes.Select(probe => Task.Run(() => LoopAsync(probe, stoppingToken), stoppingToken)));

    private async Task LoopAsync(ReadinessProbe probe, CancellationToken stoppingToken)
    {
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration(probe.Name, probe.Check, HealthStatus.Unhealthy, null) };
        while (!stoppingToken.IsCancellationRequested)
        {
            HealthCheckResult result;
            try
            {
                result = await probe.Check.CheckHealthAsync(context, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                result = HealthCheckResult.Unhealthy($"{probe.Name}: the probe failed: {e.Message}");
            }

            // Stamped when the probe ended: readiness trusts it for MaxAge from then.
            _latest[probe.Name] = (result, time.GetUtcNow());
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
