using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansPlans.DevBroker;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>
/// One test's world: a dev broker with its own topics, and in-process Orleans clusters whose silos read them through the
/// provider, record into <see cref="Log"/> and checkpoint into <see cref="Checkpoints"/> (which outlives each cluster).
/// </summary>
internal sealed class KafkaStreamsTestWorld : IAsyncDisposable
{
    public const string ProviderName = "kafka";
    public const string CheckpointStorage = "checkpoints";

    private readonly List<InProcessTestCluster> _clusters = [];
    private int _started;

    public KafkaStreamsTestWorld(string bootstrapServers, DevBrokerCluster? broker, int partitions)
    {
        BootstrapServers = bootstrapServers;
        Broker = broker;
        Partitions = partitions;
        var id = Guid.NewGuid().ToString("N")[..12];
        Topic = $"records-{id}";
        DeadLetterTopic = $"dead-letters-{id}";
        ConsumerGroupId = $"group-{id}";
    }

    public string BootstrapServers { get; }

    public DevBrokerCluster? Broker { get; }

    public int Partitions { get; }

    public string Topic { get; }

    public string DeadLetterTopic { get; }

    public string ConsumerGroupId { get; }

    public SharedGrainStorage Checkpoints { get; } = new();

    public ReceivedLog Log { get; private set; } = new();

    /// <summary>Starts a dev broker with this world's topics.</summary>
    public static KafkaStreamsTestWorld WithDevBroker(int partitions = 4)
    {
        var broker = DevBrokerCluster.Start(new DevBrokerOptions { BrokerCount = 3 });
        var world = new KafkaStreamsTestWorld(broker.BootstrapServers, broker, partitions);
        broker.CreateTopic(world.Topic, partitions);
        broker.CreateTopic(world.DeadLetterTopic, 1);
        return world;
    }

    /// <summary>
    /// Starts a cluster; later clusters of the same world get a fresh <see cref="Log"/> unless <paramref name="keepLog"/>
    /// (the grains' dedup state then survives, as persistent grain state would).
    /// </summary>
    public async Task<InProcessTestCluster> StartClusterAsync(
        int silos, Action<ISiloBuilder>? configureSilo = null, Action<KafkaStreamOptions>? configureKafka = null, bool keepLog = false)
    {
        if (_started++ > 0 && !keepLog)
        {
            Log = new ReceivedLog();
        }

        var log = Log;
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.Services.AddKeyedSingleton<IGrainStorage>(CheckpointStorage, Checkpoints);
            silo.Services.AddSingleton(log);
            silo.AddKafkaStreams(ProviderName, options =>
            {
                Configure(options);
                options.ConsumerGroupId = ConsumerGroupId;
                options.DeadLetterTopic = DeadLetterTopic;
                options.CheckpointStorageName = CheckpointStorage;
                options.CheckpointInterval = TimeSpan.FromMilliseconds(100);
                options.PollInterval = TimeSpan.FromMilliseconds(50);
                configureKafka?.Invoke(options);
            });
            configureSilo?.Invoke(silo);
        });
        builder.ConfigureClient(client => client.AddKafkaStreams(ProviderName, Configure));
        var cluster = builder.Build();
        _clusters.Add(cluster);
        await cluster.DeployAsync(TestContext.Current.CancellationToken);
        return cluster;
    }

    public async Task StopClusterAsync(InProcessTestCluster cluster)
    {
        _clusters.Remove(cluster);
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    /// <summary>The stored checkpoint of every partition (null where there is none).</summary>
    public async Task<long?[]> ReadCheckpointsAsync()
    {
        var store = new GrainStorageKafkaCheckpointStore(Checkpoints);
        var result = new long?[Partitions];
        for (var p = 0; p < Partitions; p++)
        {
            result[p] = await store.LoadAsync(ConsumerGroupId, Topic, p);
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cluster in _clusters)
        {
            await cluster.DisposeAsync();
        }

        Broker?.Dispose();
    }

    private void Configure(KafkaStreamOptions options)
    {
        options.BootstrapServers = BootstrapServers;
        options.Topics.Add(new KafkaTopicOptions { Name = Topic, StreamNamespace = RecordingGrain.StreamNamespace, PartitionCount = Partitions });
        foreach (var (key, value) in KafkaTestClients.FastReconnect)
        {
            options.ClientConfig[key] = value;
        }

        options.ClientConfig["fetch.wait.max.ms"] = "50";
    }
}
