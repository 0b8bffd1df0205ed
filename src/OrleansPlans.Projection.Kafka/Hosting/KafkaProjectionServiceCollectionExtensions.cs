using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansPlans.Grains.Projection;

namespace OrleansPlans.Projection.Kafka;

/// <summary>Registers the <see cref="KafkaRowSink"/> as the <see cref="IRowSink"/>.</summary>
public static class KafkaProjectionServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="KafkaRowSink"/> and makes it the <see cref="IRowSink"/>, replacing any sink
    /// registered before or after (e.g. the in-memory default of <c>AddPlanAnalytics</c>). Options are validated at start-up.
    /// </summary>
    /// <example>
    /// <code>
    /// services.AddKafkaProjection(o =>
    /// {
    ///     o.BootstrapServers = "127.0.0.1:9092";
    ///     o.FlushInterval = TimeSpan.FromMilliseconds(50);
    ///     o.ClientConfig["security.protocol"] = "SASL_SSL";
    /// });
    /// </code>
    /// </example>
    public static IServiceCollection AddKafkaProjection(this IServiceCollection services, Action<KafkaProjectionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<KafkaProjectionOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaProjectionOptions>, KafkaProjectionOptionsValidator>());
        services.TryAddSingleton(sp => new KafkaRowSink(
            sp.GetRequiredService<IOptions<KafkaProjectionOptions>>().Value,
            sp.GetService<ILogger<KafkaRowSink>>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<IMeterFactory>()));

        // Replace, don't TryAdd: the grains' own registration uses TryAdd, so the order of the calls does not matter.
        services.RemoveAll<IRowSink>();
        services.AddSingleton<IRowSink>(sp => sp.GetRequiredService<KafkaRowSink>());
        return services;
    }
}
