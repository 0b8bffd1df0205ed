using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OrleansPlans.Grains;
using OrleansPlans.Oracle;
using OrleansPlans.Persistence.Postgres.Hosting;

namespace OrleansPlans.Acceptance.Tests;

/// <summary>
/// A service inside the cluster: an Orleans client that finds the silos in the PostgreSQL membership table and calls
/// the grains through the grain-interfaces assembly (OrleansPlans.Grains.Abstractions), as the README shows.
/// </summary>
internal static class TypedClient
{
    /// <summary>Connects to the cluster and returns, for every plan of the oracle, where the grains say it resolves when that differs.</summary>
    public static async Task<IReadOnlyList<string>> ResolutionDifferencesAsync(string connectionString, string clusterId, CanonicalTables expected, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .UsePostgresClustering(connectionString)
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "orleansplans")));
        builder.Services.AddPlanDomainSerialization();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            var grains = host.Services.GetRequiredService<IClusterClient>();
            var differences = new List<string>();
            foreach (var (planId, row) in expected[TableNames.Plans])
            {
                using var oracle = JsonDocument.Parse(row!);
                var expectedRoot = oracle.RootElement.GetProperty("merged_into").GetString() ?? planId;
                var resolution = await grains.GetGrain<IPlanGrain>(planId).GetResolutionAsync();
                if (resolution.Root != expectedRoot)
                {
                    differences.Add($"{planId}: grain resolves to {resolution.Root}, oracle to {expectedRoot}");
                }
            }

            return differences;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
