using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansPlans.Host.Hosting;

/// <summary>
/// Keeps one false alarm of Orleans 10.4 off every start: as the silo starts, its watchdog reports "Participant check
/// thread has not completed for" the machine's uptime (hours), "potentially indicating lock contention or deadlock".
/// <c>Watchdog.Start</c> starts the thread that checks before it sets the timestamp checked, so the first check
/// measures from zero. The watchdog's warnings are therefore held back until the host has started and pass as before
/// from then on; a real stall during start-up still shows, as the silo's self-monitoring warning
/// (<c>LocalSiloHealthMonitor</c>: "local health is degraded"), which the watchdog's readings feed.
/// </summary>
public static class WatchdogStartupFilter
{
    private const string Category = "Orleans.Runtime.Watchdog";

    /// <summary>Adds the filter; the watchdog's errors always pass.</summary>
    public static IHostApplicationBuilder FilterWatchdogStartupNoise(this IHostApplicationBuilder builder)
    {
        var started = new StartedFlag();
        builder.Logging.AddFilter(Category, level => level >= LogLevel.Error || (level >= LogLevel.Warning && started.IsSet));
        builder.Services.AddHostedService(sp => new StartedFlagSetter(sp.GetRequiredService<IHostApplicationLifetime>(), started));
        return builder;
    }

    private sealed class StartedFlag
    {
        private volatile bool _set;

        public bool IsSet => _set;

        public void Set() => _set = true;
    }

    private sealed class StartedFlagSetter(IHostApplicationLifetime lifetime, StartedFlag flag) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(flag.Set);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
