using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansPlans.Grains.Hosting;
using OrleansPlans.Grains.Projection;
using OrleansPlans.Testing;

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
            silo.UseLocalhostClustering(siloPort: LoopbackPorts.Free(), gatewayPort: LoopbackPorts.Free());
            silo.AddPlanAnalyticsMemoryStorage();
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
}
