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
    private readonly ConcurrentDictionary<string, Lazy<Task<Scenario>>> _scenarios = new();
    private InProcessTestCluster? _cluster;

    public IClusterClient Client => _cluster?.Client ?? throw new InvalidOperationException("The cluster has not started.");

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(PlanAnalyticsStorage.Name);
            silo.AddPlanAnalytics();
        });
        builder.ConfigureClient(client => client.Services.AddPlanDomainSerialization());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>The scenario under <paramref name="prefix"/>, seeded on first use.</summary>
    public Task<Scenario> ScenarioAsync(string prefix) =>
        _scenarios.GetOrAdd(prefix, p => new Lazy<Task<Scenario>>(() => Scenario.SeedAsync(Client, p))).Value;

    /// <summary>Starts the API over this cluster with the given <c>Api:*</c> settings.</summary>
    public Task<ApiHost> StartApiAsync(IReadOnlyDictionary<string, string?>? settings = null, CapturedLogs? logs = null) =>
        ApiHost.StartAsync(Client, settings ?? new Dictionary<string, string?>(), logs);

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
    }
}
