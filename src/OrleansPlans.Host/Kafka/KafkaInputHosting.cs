using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansPlans.DevBroker;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Host.Hosting;
using OrleansPlans.Input.Kafka;

namespace OrleansPlans.Host.Kafka;

/// <summary>Resolves the Kafka cluster of the main job: configured brokers, or an embedded dev broker with the contract's topics.</summary>
public static class KafkaInputHosting
{
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
            broker.CreateTopics([options.MembershipTopic, options.UsageTopic]);
            broker.CreateTopics([options.DeadLetterTopic, .. OutputTables.All.Select(options.OutputTopicOf).Where(t => t != options.DeadLetterTopic)],
                options.DevBrokerOutputPartitions);
            broker.CreateTopic(options.MergesTopic, partitions: 1);
            options.BootstrapServers = broker.BootstrapServers;
            options.UsesDevBroker = true;
            options.ConsumerConfig.TryAdd(DevBrokerClientSettings.FetchWaitMaxKey, DevBrokerClientSettings.FetchWaitMax);
            builder.Services.AddSingleton(_ => broker); // a factory registration, so the container disposes it
            Console.WriteLine($"Dev broker (Kafka protocol) at {broker.BootstrapServers}; address also in {broker.BootstrapFilePath}");
            Console.WriteLine($"Input topics: {options.MembershipTopic}, {options.UsageTopic} ({options.DevBrokerPartitions} partitions), {options.MergesTopic} (1 partition); output topics {options.DevBrokerOutputPartitions} partitions each");
        }

        builder.Services.AddSingleton(options);
        return options;
    }
}
