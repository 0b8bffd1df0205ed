using OrleansPlans.Operations.Status;

namespace OrleansPlans.Operations.Versions;

/// <summary>Where <see cref="PipelineStatusReader"/> looks for one version: the base deployment's names, derived by <see cref="PipelineVersion"/>.</summary>
public static class VersionStatusOptions
{
    /// <summary>
    /// The status options of <paramref name="version"/>, given the base deployment's (<paramref name="baseOptions"/>: its
    /// consumer groups, output topics and cluster id as configured) and where its tables are (<paramref name="serving"/>).
    /// </summary>
    public static PipelineStatusOptions For(PipelineVersion version, ServingState serving, PipelineStatusOptions baseOptions, string baseClusterId)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(baseOptions);
        var options = new PipelineStatusOptions
        {
            BootstrapServers = baseOptions.BootstrapServers,
            ConnectionString = baseOptions.ConnectionString,
            InputConsumerGroup = version.Dashed(baseOptions.InputConsumerGroup),
            SinkConsumerGroup = version.Dashed(baseOptions.SinkConsumerGroup),
            AnalyticsSchema = serving.DataSchemaOf(version),
            ClusterId = version.Dashed(baseClusterId),
            Timeout = baseOptions.Timeout,
        };
        foreach (var (key, value) in baseOptions.ClientConfig)
        {
            options.ClientConfig[key] = value;
        }

        options.InputTopics.Clear();
        foreach (var topic in baseOptions.InputTopics)
        {
            options.InputTopics.Add(topic); // every version reads the same input
        }

        options.OutputTopics.Clear();
        foreach (var topic in baseOptions.OutputTopics)
        {
            options.OutputTopics.Add(version.Dashed(topic));
        }

        return options;
    }
}
