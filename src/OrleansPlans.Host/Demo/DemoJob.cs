using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansPlans.Grains.Projection;
using OrleansPlans.Host.Hosting;
using OrleansPlans.Host.Reporting;

namespace OrleansPlans.Host.Demo;

/// <summary>Once the silo runs: feeds the demo data set, waits until the tables settle, prints them.</summary>
public sealed partial class DemoJob(
    MemoryStreamDemoFeed feed,
    InMemoryRowStore rows,
    IOptions<DemoOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DemoJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStarted(lifetime, stoppingToken);
        var records = DemoDataSet.Generate(options.Value.Users);
        LogFeeding(logger, records.Count);
        await feed.FeedAsync(OrleansPlansSilo.InputStreams, records, stoppingToken);
        await WaitUntilSettledAsync(stoppingToken);
        TableReport.Write(Console.Out, rows.Snapshot());
        if (options.Value.ExitWhenDone)
        {
            lifetime.StopApplication();
        }
        else
        {
            LogRunning(logger);
        }
    }

    private async Task WaitUntilSettledAsync(CancellationToken cancellationToken)
    {
        // Memory streams deliver asynchronously; the tables have settled when no row changed for a while.
        var last = -1L;
        while (rows.ChangeCount != last)
        {
            last = rows.ChangeCount;
            await Task.Delay(options.Value.SettleInterval, cancellationToken);
        }
    }

    private static Task WhenStarted(IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        cancellationToken.Register(() => started.TrySetCanceled(cancellationToken));
        return started.Task;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Feeding {Count} demo records")]
    private static partial void LogFeeding(ILogger logger, int count);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Demo done; the silo keeps running (Ctrl+C to stop)")]
    private static partial void LogRunning(ILogger logger);
}
