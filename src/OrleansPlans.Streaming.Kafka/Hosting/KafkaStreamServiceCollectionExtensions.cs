using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>The services a Kafka stream provider shares on one silo or client, keyed by provider name.</summary>
internal static class KafkaStreamServiceCollectionExtensions
{
    public static void AddKafkaStreamServices(this IServiceCollection services, string name)
    {
        services.AddKeyedSingleton(name, (sp, _) => new KafkaLogLimiter(name, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddKeyedSingleton(name, (sp, _) => new KafkaProducerHolder(
            sp.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(name),
            sp.GetRequiredKeyedService<KafkaLogLimiter>(name),
            sp.GetRequiredService<ILogger<KafkaProducerHolder>>()));
        services.AddKeyedSingleton(name, (sp, _) => new KafkaStreamMetrics(name, sp.GetService<IMeterFactory>()));
        services.AddKeyedSingleton<IKafkaDeadLetterSink>(name, (sp, _) => new KafkaDeadLetterSink(
            name,
            sp.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(name).DeadLetterTopic,
            sp.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(name).EffectiveDeadLetterMaxMessageBytes,
            sp.GetKeyedService<IKafkaDeadLetterFormat>(name) ?? sp.GetService<IKafkaDeadLetterFormat>() ?? JsonDeadLetterFormat.Instance,
            sp.GetRequiredKeyedService<KafkaProducerHolder>(name),
            sp.GetRequiredKeyedService<KafkaStreamMetrics>(name),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<KafkaDeadLetterSink>>()));
        services.AddKeyedSingleton(name, (sp, _) => new KafkaStuckPartitionRegistry(
            name, sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<KafkaStuckPartitionRegistry>>()));
        services.AddKeyedSingleton<IKafkaStuckPartitions>(name, (sp, key) => sp.GetRequiredKeyedService<KafkaStuckPartitionRegistry>(key));
    }
}
