using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansPlans.Host.Hosting;

namespace OrleansPlans.Host.Tests;

/// <summary>The watchdog's start-up false alarm is held back; its warnings pass once the host has started, its errors always.</summary>
public sealed class WatchdogStartupFilterTests
{
    [Fact]
    public async Task the_watchdogs_warnings_pass_only_once_the_host_has_started_and_other_categories_are_untouched()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddProvider(new EverythingEnabled());
        builder.FilterWatchdogStartupNoise();
        using var host = builder.Build();
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();
        var watchdog = loggers.CreateLogger("Orleans.Runtime.Watchdog");
        var other = loggers.CreateLogger("Orleans.Runtime.Silo");

        Assert.False(watchdog.IsEnabled(LogLevel.Warning));
        Assert.True(watchdog.IsEnabled(LogLevel.Error));
        Assert.True(other.IsEnabled(LogLevel.Warning));

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.True(watchdog.IsEnabled(LogLevel.Warning));
        Assert.False(watchdog.IsEnabled(LogLevel.Information));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private sealed class EverythingEnabled : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }
    }
}
