using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansPlans.Grains.Hosting;
using OrleansPlans.Grains.Projection;

namespace OrleansPlans.Benchmarks.Engine;

/// <summary>One silo in this process on loopback ports, memory grain storage, the in-memory row store as sink.</summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessSilo(IHost host) => _host = host;

    /// <summary>The silo's grain factory (calls from inside the silo: no client, no network).</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The rows the grains emitted.</summary>
    public InMemoryRowStore Rows => _host.Services.GetRequiredService<InMemoryRowStore>();

    /// <summary>Starts the silo.</summary>
    public static async Task<InProcessSilo> StartAsync(CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreeLoopbackPort(), gatewayPort: FreeLoopbackPort());
            silo.AddMemoryGrainStorage(PlanAnalyticsStorage.Name);
            silo.AddPlanAnalytics();
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new InProcessSilo(host);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    // Other processes on this machine run silos too: never assume the default ports are free.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
