namespace OrleansPlans.Streaming.Kafka;

/// <summary>The settings every client of a provider shares: <see cref="KafkaStreamOptions.ClientConfig"/> plus the bootstrap list.</summary>
internal static class KafkaClientConfig
{
    public static Dictionary<string, string> Build(KafkaStreamOptions options)
    {
        var config = new Dictionary<string, string>(options.ClientConfig, StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            config["bootstrap.servers"] = options.BootstrapServers;
        }

        return config;
    }
}
