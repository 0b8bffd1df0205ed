using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Streams;
using OrleansPlans.Grains;
using OrleansPlans.Streaming.Kafka;

namespace OrleansPlans.Input.Kafka;

/// <summary>Registers the input topics on a silo: the Kafka stream provider with the contract's decoder.</summary>
public static class KafkaInputStreams
{
    /// <summary>The stream provider the input topics arrive through.</summary>
    public const string ProviderName = "input";

    /// <summary>
    /// Adds the Kafka stream provider <see cref="ProviderName"/> reading the input topics onto the contract's stream
    /// namespaces, decoded by <see cref="ContractRecordDecoder"/> and dead-lettered as <c>dead_letters</c> rows
    /// (<see cref="ContractDeadLetterFormat"/>), unless a decoder or format is already registered under that name.
    /// </summary>
    public static ISiloBuilder AddKafkaInputStreams(this ISiloBuilder silo, KafkaInputOptions input)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(input);
        silo.Services.TryAddKeyedSingleton<IKafkaRecordDecoder, ContractRecordDecoder>(ProviderName);
        silo.Services.TryAddKeyedSingleton<IKafkaDeadLetterFormat, ContractDeadLetterFormat>(ProviderName);
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
