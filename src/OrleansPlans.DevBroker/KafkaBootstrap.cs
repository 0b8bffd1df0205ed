namespace OrleansPlans.DevBroker;

/// <summary>Decides whether to use a real Kafka cluster or a dev broker.</summary>
public static class KafkaBootstrap
{
    /// <summary>
    /// The environment variable <c>ORLEANSPLANS_KAFKA_BOOTSTRAP</c>: when set to a non-blank value it is the
    /// <c>bootstrap.servers</c> list of a real Kafka cluster (e.g. <c>kafka-1:9092,kafka-2:9092</c>) and no dev
    /// broker is started.
    /// </summary>
    public const string EnvironmentVariable = "ORLEANSPLANS_KAFKA_BOOTSTRAP";

    /// <summary>
    /// Returns the bootstrap address from <c>ORLEANSPLANS_KAFKA_BOOTSTRAP</c> (trimmed) when it is set,
    /// otherwise null, meaning the caller should start a <see cref="DevBrokerCluster"/>.
    /// </summary>
    /// <param name="getEnvironmentVariable">Reads a variable; defaults to <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public static string? Resolve(Func<string, string?>? getEnvironmentVariable = null)
    {
        var value = (getEnvironmentVariable ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>
    /// Reads the address a running dev broker wrote to <paramref name="bootstrapFile"/>
    /// (default <see cref="DevBrokerOptions.DefaultBootstrapFile"/>), or null when there is no such file.
    /// </summary>
    public static string? ReadBootstrapFile(string bootstrapFile = DevBrokerOptions.DefaultBootstrapFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bootstrapFile);
        try
        {
            var text = File.ReadAllText(bootstrapFile).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
