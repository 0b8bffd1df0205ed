using OrleansPlans.DevBroker;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Projection.Kafka;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Projection.Tests;

/// <summary>One dev broker for the assembly; each test creates its own set of output topics under a unique prefix.</summary>
public sealed class DevBrokerFixture : IAsyncLifetime
{
    /// <summary>Partitions of every test topic.</summary>
    public const int Partitions = 4;

    private DevBrokerCluster? _cluster;

    /// <summary>The broker's bootstrap servers.</summary>
    public string BootstrapServers => Cluster.BootstrapServers;

    /// <summary>The running broker.</summary>
    public DevBrokerCluster Cluster => _cluster ?? throw new InvalidOperationException("The dev broker fixture is not started.");

    /// <summary>Creates the contract's output topics under a fresh prefix; returns table → topic.</summary>
    public IReadOnlyDictionary<string, string> CreateOutputTopics()
    {
        var prefix = $"t{Guid.NewGuid():N}"[..13];
        var topics = OutputTables.All.ToDictionary(t => t, t => $"{prefix}-{OutputTables.DefaultTopic(t)}");
        Cluster.CreateTopics(topics.Values, Partitions);
        return topics;
    }

    /// <summary>Projector options for <paramref name="topics"/>.</summary>
    public KafkaProjectionOptions ProjectionOptions(IReadOnlyDictionary<string, string> topics, TimeSpan? flushInterval = null)
    {
        var options = new KafkaProjectionOptions { BootstrapServers = BootstrapServers, FlushInterval = flushInterval ?? KafkaProjectionOptions.DefaultFlushInterval };
        foreach (var (table, topic) in topics)
        {
            options.Topics[table] = topic;
        }

        return options;
    }

    /// <summary>Sink options for <paramref name="topics"/>, tuned for quick tests.</summary>
    public PostgresSinkOptions SinkOptions(IReadOnlyDictionary<string, string> topics, string schema = AnalyticsSchema.DefaultSchema)
    {
        var options = new PostgresSinkOptions
        {
            BootstrapServers = BootstrapServers,
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

    /// <inheritdoc/>
    public ValueTask InitializeAsync()
    {
        _cluster = DevBrokerCluster.Start(new DevBrokerOptions { DefaultPartitions = Partitions });
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _cluster?.DisposeAsync() ?? ValueTask.CompletedTask;
}
