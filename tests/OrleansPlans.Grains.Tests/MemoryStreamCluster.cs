using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansPlans.Grains.Hosting;
using OrleansPlans.Grains.Projection;

namespace OrleansPlans.Grains.Tests;

/// <summary>A 2-silo in-process cluster with memory streams and memory storage, sharing one row store.</summary>
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
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddMemoryGrainStorage(PlanAnalyticsStorage.Name);
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
