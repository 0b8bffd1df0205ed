using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansPlans.Grains;
using OrleansPlans.Grains.Hosting;

[assembly: AssemblyFixture(typeof(OrleansPlans.Api.Tests.ApiCluster))]

namespace OrleansPlans.Api.Tests;

/// <summary>
/// One in-process silo with memory storage, shared by every test class; each class seeds its own scenario under
/// its own id prefix, so classes never read each other's grains.
/// </summary>
public sealed class ApiCluster : IAsyncLifetime
{
    /// <summary>The memory stream provider standing in for the Kafka input streams.</summary>
    public const string StreamProvider = "input";

    private readonly ConcurrentDictionary<string, Lazy<Task<Scenario>>> _scenarios = new();
    private long _mergeOffset;
    private InProcessTestCluster? _cluster;

    public IClusterClient Client => _cluster?.Client ?? throw new InvalidOperationException("The cluster has not started.");

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddPlanAnalyticsMemoryStorage();
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddMemoryStreams(StreamProvider);
            silo.AddPlanAnalytics();
        });
        builder.ConfigureClient(client =>
        {
            client.AddMemoryStreams(StreamProvider);
            client.Services.AddPlanDomainSerialization();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>The scenario under <paramref name="prefix"/>, seeded on first use.</summary>
    public Task<Scenario> ScenarioAsync(string prefix) =>
        _scenarios.GetOrAdd(prefix, p => new Lazy<Task<Scenario>>(() => Scenario.SeedAsync(Client, p))).Value;

    /// <summary>Starts the API over this cluster with the given <c>Api:*</c> settings and extra services.</summary>
    public Task<ApiHost> StartApiAsync(
        IReadOnlyDictionary<string, string?>? settings = null, CapturedLogs? logs = null, Action<IServiceCollection>? services = null) =>
        ApiHost.StartAsync(Client, settings ?? new Dictionary<string, string?>(), logs, services);

    /// <summary>
    /// The next offset of the simulated <c>plan-merges</c> topic: positions are unique across the fixture, as in
    /// Kafka, because the coordinator tells a redelivery from a duplicate by its position.
    /// </summary>
    public long NextMergeOffset() => Interlocked.Increment(ref _mergeOffset);

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
    }
}
