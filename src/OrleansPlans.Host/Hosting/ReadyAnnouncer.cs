using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;

namespace OrleansPlans.Host.Hosting;

/// <summary>
/// Prints one line when the silo has started, so scripts and tests that launch the process know when, and then where
/// a person finds the dashboard and the API.
/// </summary>
public sealed class ReadyAnnouncer(IHostApplicationLifetime lifetime, IServer server) : BackgroundService
{
    /// <summary>The line printed.</summary>
    public const string ReadyLine = "OrleansPlans silo ready";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await HostStarted.WaitAsync(lifetime, stoppingToken);
        Console.WriteLine(ReadyLine);
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            var root = address.TrimEnd('/');
            Console.WriteLine($"  dashboard {root}/   API {root}/api/v1 (OpenAPI {root}/openapi/v1.json)   probes {root}/health/ready   metrics {root}/metrics");
            Console.WriteLine($"  Orleans dashboard {root}{OrleansDashboardHosting.RoutePrefix}/ (operators: sign in with the operator key)");
        }
    }
}
