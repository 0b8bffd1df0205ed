using Confluent.Kafka;
using Confluent.Kafka.Admin;
using OrleansPlans.Operations.Status;
using OrleansPlans.Operations.Versions;

namespace OrleansPlans.Cli.Commands.Reprocess;

/// <summary>
/// Creates a version's output topics like the serving ones (same partitions, compacted) where they are missing. A
/// cluster that refuses (no rights, or the dev broker, which has no CreateTopics) gets a warning naming what to create.
/// </summary>
internal static class VersionTopics
{
    private const int DefaultPartitions = 16;

    public static async Task EnsureAsync(PipelineStatusOptions version, IList<string> baseTopics, PipelineVersion name, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var config = new AdminClientConfig { BootstrapServers = version.BootstrapServers };
        foreach (var (key, value) in version.ClientConfig)
        {
            config.Set(key, value);
        }

        using var admin = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).Build();
        Metadata metadata;
        try
        {
            metadata = admin.GetMetadata(version.Timeout);
        }
        catch (KafkaException error)
        {
            throw new CliFailure($"Kafka: {error.Error.Reason}", error);
        }

        var partitions = metadata.Topics.Where(t => t.Error.Code == Confluent.Kafka.ErrorCode.NoError).ToDictionary(t => t.Topic, t => t.Partitions.Count, StringComparer.Ordinal);
        var missing = baseTopics
            .Where(topic => !partitions.ContainsKey(name.Dashed(topic)))
            .Select(topic => new TopicSpecification
            {
                Name = name.Dashed(topic),
                NumPartitions = partitions.GetValueOrDefault(topic, DefaultPartitions),
                ReplicationFactor = -1, // the broker's default
                Configs = new Dictionary<string, string> { ["cleanup.policy"] = "compact" },
            })
            .ToList();
        if (missing.Count == 0)
        {
            await environment.Out.WriteLineAsync($"Output topics: all {baseTopics.Count} exist (*-{name})");
            return;
        }

        try
        {
            await admin.CreateTopicsAsync(missing, new CreateTopicsOptions { RequestTimeout = version.Timeout }).WaitAsync(version.Timeout * 2, cancellationToken);
            await environment.Out.WriteLineAsync($"Output topics: created {string.Join(", ", missing.Select(t => $"{t.Name} ({t.NumPartitions})"))}, compacted");
        }
        catch (Exception error) when (error is KafkaException or TimeoutException)
        {
            await environment.Error.WriteLineAsync(
                $"warning: could not create the output topics ({error.Message}); create them, compacted, before starting the hosts: "
                + string.Join(", ", missing.Select(t => $"{t.Name} ({t.NumPartitions} partitions)")));
        }
    }
}
