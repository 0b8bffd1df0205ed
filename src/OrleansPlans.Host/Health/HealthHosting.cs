using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansPlans.Input.Kafka;
using OrleansPlans.Streaming.Kafka;

namespace OrleansPlans.Host.Health;

/// <summary>Liveness and readiness probes.</summary>
public static class HealthHosting
{
    private const string ReadyTag = "ready";

    /// <summary>
    /// Registers the readiness checks: the silo has started, Kafka and PostgreSQL answer, no input partition is stuck.
    /// The dependency checks run in the background (<see cref="ReadinessProbes"/>), so readiness answers at once even
    /// while a dependency is down.
    /// </summary>
    public static IServiceCollection AddPipelineHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<KafkaHealthCheck>();
        services.AddSingleton<PostgresHealthCheck>();
        services.AddSingleton(provider => new ReadinessProbe("kafka", provider.GetRequiredService<KafkaHealthCheck>()));
        services.AddSingleton(provider => new ReadinessProbe("postgresql", provider.GetRequiredService<PostgresHealthCheck>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ReadinessProbes>();
        services.AddHostedService(provider => provider.GetRequiredService<ReadinessProbes>());
        services.AddSingleton(sp => new StuckPartitionsHealthCheck(sp.GetKeyedService<IKafkaStuckPartitions>(KafkaInputStreams.ProviderName)));
        services.AddHealthChecks()
            .AddCheck<SiloStartedHealthCheck>("silo", tags: [ReadyTag])
            .Add(Cached("kafka"))
            .Add(Cached("postgresql"))
            .AddCheck<StuckPartitionsHealthCheck>("input-partitions", tags: [ReadyTag]);
        return services;
    }

    private static HealthCheckRegistration Cached(string name) =>
        new(name, provider => new CachedHealthCheck(provider.GetRequiredService<ReadinessProbes>(), name), HealthStatus.Unhealthy, [ReadyTag]);

    /// <summary>
    /// <c>/health/live</c>: the process serves requests (no dependency checks, so a broker outage does not make an
    /// orchestrator restart every silo). <c>/health/ready</c>: every readiness check passes; 503 otherwise.
    /// </summary>
    public static IEndpointRouteBuilder MapPipelineHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthReportWriter.WriteAsync });
        return endpoints;
    }
}
