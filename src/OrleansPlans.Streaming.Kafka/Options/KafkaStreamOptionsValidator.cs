using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// Checks <see cref="KafkaStreamOptions"/> when the silo or client starts and reports every problem at once,
/// each message naming the option it is about.
/// </summary>
internal sealed class KafkaStreamOptionsValidator(IServiceProvider services, string providerName, bool isSilo) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        var options = services.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(providerName);
        var problems = Validate(options, isSilo);
        if (isSilo && !string.IsNullOrWhiteSpace(options.CheckpointStorageName)
            && services.GetKeyedService<IGrainStorage>(options.CheckpointStorageName) is null
            && services.GetKeyedService<IKafkaCheckpointStore>(providerName) is null)
        {
            problems.Add($"KafkaStreamOptions.CheckpointStorageName: no grain storage named '{options.CheckpointStorageName}' is registered (add one, or register an IKafkaCheckpointStore keyed '{providerName}').");
        }

        if (problems.Count > 0)
        {
            throw new OrleansConfigurationException(
                $"Kafka stream provider '{providerName}' is misconfigured:{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems));
        }
    }

    /// <summary>Returns every problem found; empty when the options are usable.</summary>
    internal static List<string> Validate(KafkaStreamOptions options, bool isSilo)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BootstrapServers) && !options.ClientConfig.ContainsKey("bootstrap.servers"))
        {
            problems.Add("KafkaStreamOptions.BootstrapServers is required (a comma-separated host:port list).");
        }

        if (options.Topics.Count == 0)
        {
            problems.Add("KafkaStreamOptions.Topics must name at least one topic.");
        }

        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        var topicNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Topics.Count; i++)
        {
            var topic = options.Topics[i];
            if (string.IsNullOrWhiteSpace(topic.Name))
            {
                problems.Add($"KafkaStreamOptions.Topics[{i}].Name is required.");
                continue;
            }

            if (!topicNames.Add(topic.Name))
            {
                problems.Add($"KafkaStreamOptions.Topics[{i}].Name '{topic.Name}' is listed twice.");
            }

            if (!namespaces.Add(topic.EffectiveStreamNamespace))
            {
                problems.Add($"KafkaStreamOptions.Topics[{i}].StreamNamespace '{topic.EffectiveStreamNamespace}' is used by another topic; each namespace maps to one topic.");
            }

            if (topic.PartitionCount is <= 0)
            {
                problems.Add($"KafkaStreamOptions.Topics[{i}].PartitionCount must be positive when set (was {topic.PartitionCount}); leave it null to read it from the cluster.");
            }
        }

        if (options.MaxBatchSize <= 0)
        {
            problems.Add($"KafkaStreamOptions.MaxBatchSize must be positive (was {options.MaxBatchSize}).");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            problems.Add($"KafkaStreamOptions.PollInterval must be positive (was {options.PollInterval}).");
        }

        if (options.ProducerLinger < TimeSpan.Zero)
        {
            problems.Add($"KafkaStreamOptions.ProducerLinger must not be negative (was {options.ProducerLinger}).");
        }

        if (!isSilo)
        {
            return problems;
        }

        if (string.IsNullOrWhiteSpace(options.ConsumerGroupId))
        {
            problems.Add("KafkaStreamOptions.ConsumerGroupId is required on silos (checkpoints are stored under it).");
        }

        if (string.IsNullOrWhiteSpace(options.DeadLetterTopic))
        {
            problems.Add("KafkaStreamOptions.DeadLetterTopic is required on silos (undecodable and undeliverable records go there).");
        }
        else if (topicNames.Contains(options.DeadLetterTopic))
        {
            problems.Add($"KafkaStreamOptions.DeadLetterTopic '{options.DeadLetterTopic}' must not also be one of KafkaStreamOptions.Topics.");
        }

        if (options.DeadLetterMaxMessageBytes is { } deadLetterMax)
        {
            if (deadLetterMax < KafkaStreamOptions.MinDeadLetterMessageBytes)
            {
                problems.Add($"KafkaStreamOptions.DeadLetterMaxMessageBytes must be at least {KafkaStreamOptions.MinDeadLetterMessageBytes} (was {deadLetterMax}).");
            }
            else if (options.ClientConfig.TryGetValue("message.max.bytes", out var configured) && int.TryParse(configured, out var max) && deadLetterMax > max)
            {
                problems.Add($"KafkaStreamOptions.DeadLetterMaxMessageBytes ({deadLetterMax}) must not exceed the producer's message.max.bytes ({max}) in KafkaStreamOptions.ClientConfig.");
            }
        }

        if (options.CacheSize < 10)
        {
            problems.Add($"KafkaStreamOptions.CacheSize must be at least 10 (was {options.CacheSize}).");
        }

        if (options.CheckpointInterval < TimeSpan.Zero)
        {
            problems.Add($"KafkaStreamOptions.CheckpointInterval must not be negative (was {options.CheckpointInterval}).");
        }

        if (string.IsNullOrWhiteSpace(options.CheckpointStorageName))
        {
            problems.Add("KafkaStreamOptions.CheckpointStorageName is required on silos.");
        }

        return problems;
    }
}
