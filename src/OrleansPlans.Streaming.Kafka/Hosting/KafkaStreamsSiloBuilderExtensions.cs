using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Streams;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>Registers Kafka stream providers on silos.</summary>
public static class KafkaStreamsSiloBuilderExtensions
{
    /// <summary>
    /// Adds a persistent stream provider named <paramref name="name"/> that reads and writes Kafka topics: every partition
    /// is an Orleans queue, balanced over the silos by Orleans' consistent-ring queue balancer.
    /// </summary>
    /// <example>
    /// <code>
    /// silo.AddMemoryGrainStorage("PubSubStore")
    ///     .AddKafkaStreams("kafka", o =>
    ///     {
    ///         o.BootstrapServers = "127.0.0.1:9092";
    ///         o.ConsumerGroupId = "plans";
    ///         o.DeadLetterTopic = "dead-letters";
    ///         o.Topics.Add(new KafkaTopicOptions { Name = "plan-membership" });
    ///     });
    /// silo.Services.AddKeyedSingleton&lt;IKafkaRecordDecoder, MyDecoder&gt;("kafka"); // optional, default is UTF-8 text
    /// </code>
    /// </example>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder builder, string name, Action<KafkaStreamOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddKafkaStreams(name, options => options.Configure(configure));
    }

    /// <summary>Adds a Kafka stream provider whose options are configured through an <see cref="OptionsBuilder{TOptions}"/> (e.g. bound to configuration).</summary>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder builder, string name, Action<OptionsBuilder<KafkaStreamOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configureOptions);

        builder.AddPersistentStreams(name, KafkaAdapterFactory.Create, configurator =>
        {
            configurator.Configure(configureOptions);
            configurator.ConfigurePullingAgent(agent => agent.Configure<IOptionsMonitor<KafkaStreamOptions>>(
                (pulling, kafka) => pulling.GetQueueMsgsTimerPeriod = kafka.Get(name).PollInterval));
            // Queues follow Orleans' consistent ring: when a silo joins or leaves, ranges change and queues move.
            configurator.UseConsistentRingQueueBalancer();
        });
        builder.Services.AddKafkaStreamServices(name);
        builder.Services.AddSingleton<IConfigurationValidator>(sp => new KafkaStreamOptionsValidator(sp, name, isSilo: true));
        return builder;
    }
}
