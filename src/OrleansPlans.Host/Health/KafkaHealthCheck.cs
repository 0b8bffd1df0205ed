using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansPlans.Input.Kafka;

namespace OrleansPlans.Host.Health;

/// <summary>
/// Ready only while a Kafka broker answers a metadata request: without one the silo can neither read input nor
/// publish rows, so a load balancer should send traffic elsewhere.
/// </summary>
public sealed class KafkaHealthCheck(KafkaInputOptions kafka) : IHealthCheck, IDisposable
{
    private readonly Lazy<IAdminClient> _admin = new(() =>
    {
        var config = new AdminClientConfig(new Dictionary<string, string>(kafka.ClientConfig)) { BootstrapServers = kafka.BootstrapServers };
        return new AdminClientBuilder(config).SetLogHandler((_, _) => { }).Build();
    });

    /// <summary>How long a metadata request may take before the broker counts as unreachable.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // librdkafka's metadata call blocks; run it off the request thread.
        return Task.Run(() =>
        {
            try
            {
                // All topics, not the one by name: asking for one by name lets a broker with auto-creation make it.
                var metadata = _admin.Value.GetMetadata(Timeout);
                var topic = metadata.Topics.FirstOrDefault(t => t.Topic == kafka.MembershipTopic);
                if (topic is null || topic.Error.IsError)
                {
                    return HealthCheckResult.Unhealthy($"Kafka at {kafka.BootstrapServers} answered, but topic '{kafka.MembershipTopic}' is unavailable: {topic?.Error.Reason ?? "missing"}");
                }

                return HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s) at {kafka.BootstrapServers}");
            }
            catch (KafkaException e)
            {
                return HealthCheckResult.Unhealthy($"Kafka at {kafka.BootstrapServers} unreachable: {e.Error.Reason}");
            }
        }, cancellationToken);
    }

    public void Dispose()
    {
        if (_admin.IsValueCreated)
        {
            _admin.Value.Dispose();
        }
    }
}
