using OrleansPlans.Projection.Kafka;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Projection.Tests;

/// <summary>Projector and sink options on the assembly's dev broker, for a test's own output topics.</summary>
internal static class DevBrokerFixtureOptions
{
    /// <summary>Projector options for <paramref name="topics"/>.</summary>
    public static KafkaProjectionOptions ProjectionOptions(this DevBrokerFixture broker, IReadOnlyDictionary<string, string> topics, TimeSpan? flushInterval = null)
    {
        var options = new KafkaProjectionOptions { BootstrapServers = broker.BootstrapServers, FlushInterval = flushInterval ?? KafkaProjectionOptions.DefaultFlushInterval };
        foreach (var (table, topic) in topics)
        {
            options.Topics[table] = topic;
        }

        return options;
    }

    /// <summary>Sink options for <paramref name="topics"/>, tuned for quick tests.</summary>
    public static PostgresSinkOptions SinkOptions(this DevBrokerFixture broker, IReadOnlyDictionary<string, string> topics, string schema = AnalyticsSchema.DefaultSchema)
    {
        var options = new PostgresSinkOptions
        {
            BootstrapServers = broker.BootstrapServers,
            Schema = schema,
            ConsumerGroupId = $"sink-{Guid.NewGuid():N}",
            BatchSize = 500,
            PollTimeout = TimeSpan.FromMilliseconds(100),
            RetryDelay = TimeSpan.FromMilliseconds(200),
        };
        foreach (var (table, topic) in topics)
        {
            options.Topics[table] = topic;
        }

        return options;
    }
}
