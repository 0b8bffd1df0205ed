using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>Registers Kafka stream providers on Orleans clients, which only produce.</summary>
public static class KafkaStreamsClientBuilderExtensions
{
    /// <summary>
    /// Adds a Kafka stream provider named <paramref name="name"/> to a client: publishing to a stream of a configured
    /// namespace produces a record keyed by the stream key. Only <see cref="KafkaStreamOptions.BootstrapServers"/>,
    /// <see cref="KafkaStreamOptions.Topics"/> and the producer settings matter on clients.
    /// </summary>
    public static IClientBuilder AddKafkaStreams(this IClientBuilder builder, string name, Action<KafkaStreamOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddKafkaStreams(name, options => options.Configure(configure));
    }

    /// <summary>Adds a producing Kafka stream provider configured through an <see cref="OptionsBuilder{TOptions}"/>.</summary>
    public static IClientBuilder AddKafkaStreams(this IClientBuilder builder, string name, Action<OptionsBuilder<KafkaStreamOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configureOptions);

        builder.AddPersistentStreams(name, KafkaAdapterFactory.Create, configurator => configurator.Configure(configureOptions));
        builder.Services.AddKafkaStreamServices(name);
        builder.Services.AddSingleton<IConfigurationValidator>(sp => new KafkaStreamOptionsValidator(sp, name, isSilo: false));
        return builder;
    }
}
