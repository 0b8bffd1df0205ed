using OrleansPlans.DevBroker;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Testing;

/// <summary>
/// One dev broker for a test assembly (<c>[assembly: AssemblyFixture(typeof(DevBrokerFixture))]</c>); each test creates
/// its own topics under a unique prefix, so tests never read each other's records.
/// </summary>
public sealed class DevBrokerFixture : IAsyncLifetime
{
    /// <summary>Partitions of every topic created here.</summary>
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

    /// <inheritdoc/>
    public ValueTask InitializeAsync()
    {
        _cluster = DevBrokerCluster.Start(new DevBrokerOptions { DefaultPartitions = Partitions });
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _cluster?.DisposeAsync() ?? ValueTask.CompletedTask;
}
