using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansPlans.Grains.Hosting;
using OrleansPlans.Grains.Projection;

namespace OrleansPlans.Grains.Tests;

/// <summary>
/// A 2-silo in-process cluster with memory streams and the in-memory plan-analytics storage (parts, as in PostgreSQL),
/// the silos sharing its states and one row store.
/// </summary>
internal sealed class MemoryStreamCluster : IAsyncDisposable
{
    public const string StreamProvider = "input";

    private MemoryStreamCluster(InProcessTestCluster cluster, InMemoryRowStore rows)
    {
        Cluster = cluster;
        Rows = rows;
    }

    public InProcessTestCluster Cluster { get; }

    public InMemoryRowStore Rows { get; }

    public IClusterClient Client => Cluster.Client;

    public static async Task<MemoryStreamCluster> StartAsync(short silos = 2)
    {
        var rows = new InMemoryRowStore();
        var states = new InMemoryGrainStates();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddPlanAnalyticsMemoryStorage(states);
            silo.AddMemoryStreams(StreamProvider);
            silo.Services.AddSingleton<IRowSink>(rows);
            silo.AddPlanAnalytics();
        });
        builder.ConfigureClient(client =>
        {
            client.AddMemoryStreams(StreamProvider);
            client.Services.AddPlanDomainSerialization();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new MemoryStreamCluster(cluster, rows);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
