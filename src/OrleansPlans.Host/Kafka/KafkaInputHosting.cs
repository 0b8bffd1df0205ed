using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Streams;
using OrleansPlans.DevBroker;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Grains;
using OrleansPlans.Streaming.Kafka;
using OrleansPlans.Host.Hosting;

namespace OrleansPlans.Host.Kafka;

/// <summary>Resolves the Kafka cluster of the main job: configured brokers, or an embedded dev broker.</summary>
public static class KafkaInputHosting
{
    /// <summary>The stream provider the input topics arrive through.</summary>
    public const string ProviderName = "input";

    /// <summary>Reads <see cref="KafkaInputOptions"/>; when no brokers are configured, starts the dev broker with the contract's topics.</summary>
    public static KafkaInputOptions AddKafkaInput(this IHostApplicationBuilder builder)
    {
        var options = HostSettings.Read(builder.Configuration, "Kafka", new KafkaInputOptionsValidator());
        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            options.BootstrapServers = KafkaBootstrap.Resolve() ?? "";
        }

        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            var broker = DevBrokerCluster.Start(new DevBrokerOptions
            {
                FixedBasePort = options.DevBrokerBasePort,
                BootstrapFile = Path.GetFullPath(options.DevBrokerBootstrapFile),
                DefaultPartitions = options.DevBrokerPartitions,
            });
            broker.CreateTopics([options.MembershipTopic, options.UsageTopic, options.DeadLetterTopic]);
            broker.CreateTopics(OutputTables.All.Select(options.OutputTopicOf).Where(t => t != options.DeadLetterTopic));
            broker.CreateTopic(options.MergesTopic, partitions: 1);
            options.BootstrapServers = broker.BootstrapServers;
            options.UsesDevBroker = true;
            options.ConsumerConfig.TryAdd(DevBrokerClientSettings.FetchWaitMaxKey, DevBrokerClientSettings.FetchWaitMax);
            builder.Services.AddSingleton(_ => broker); // a factory registration, so the container disposes it
            Console.WriteLine($"Dev broker (Kafka protocol) at {broker.BootstrapServers}; address also in {broker.BootstrapFilePath}");
            Console.WriteLine($"Input topics: {options.MembershipTopic}, {options.UsageTopic} ({options.DevBrokerPartitions} partitions), {options.MergesTopic} (1 partition)");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddKeyedSingleton<IKafkaRecordDecoder, ContractRecordDecoder>(ProviderName);
        return options;
    }

    /// <summary>Adds the Kafka stream provider reading the input topics onto the contract's stream namespaces.</summary>
    public static ISiloBuilder AddKafkaInputStreams(this ISiloBuilder silo, KafkaInputOptions input)
    {
        silo.Services.Configure<StreamPullingAgentOptions>(ProviderName, o => o.MaxEventDeliveryTime = input.MaxEventDeliveryTime);
        // Every consumer of the input streams subscribes implicitly (user and merge-intake grains). Without this, the
        // pulling agent registers itself as producer of every user's stream with a pub-sub grain: a state write per
        // user stream, and version conflicts logged whenever two silos' agents race for the same stream.
        silo.Services.Configure<StreamPubSubOptions>(ProviderName, o => o.PubSubType = StreamPubSubType.ImplicitOnly);
        return silo.AddKafkaStreams(ProviderName, kafka =>
        {
            kafka.BootstrapServers = input.BootstrapServers;
            kafka.ConsumerGroupId = input.ConsumerGroupId;
            kafka.DeadLetterTopic = input.DeadLetterTopic;
            kafka.StartPosition = input.StartPosition;
            kafka.CheckpointStorageName = input.CheckpointStorageName;
            kafka.Topics.Add(new KafkaTopicOptions { Name = input.MembershipTopic, StreamNamespace = StreamNamespaces.Membership });
            kafka.Topics.Add(new KafkaTopicOptions { Name = input.UsageTopic, StreamNamespace = StreamNamespaces.Usage });
            kafka.Topics.Add(new KafkaTopicOptions { Name = input.MergesTopic, StreamNamespace = StreamNamespaces.Merges });
            foreach (var (key, value) in input.ClientConfig)
            {
                kafka.ClientConfig[key] = value;
            }

            foreach (var (key, value) in input.ConsumerConfig)
            {
                kafka.ConsumerConfig[key] = value;
            }
        });
    }
}
