using Microsoft.Extensions.Hosting;

namespace OrleansPlans.Host.Hosting;

/// <summary>Prints one line when the silo has started, so scripts and tests that launch the process know when.</summary>
public sealed class ReadyAnnouncer(IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <summary>The line printed.</summary>
    public const string ReadyLine = "OrleansPlans silo ready";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await HostStarted.WaitAsync(lifetime, stoppingToken);
        Console.WriteLine(ReadyLine);
    }
}
