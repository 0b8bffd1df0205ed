using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansPlans.Grains.Projection;
using OrleansPlans.Host.Reporting;

namespace OrleansPlans.Host.Demo;

/// <summary>Once the silo runs: feeds the demo data set, waits until the tables settle, prints them.</summary>
public sealed partial class DemoJob(
    KafkaDemoProducer producer,
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
        await producer.ProduceAsync(records, stoppingToken);
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
        // The tables have settled when rows arrived and then none changed for a while (bounded by SettleTimeout).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SettleTimeout);
        try
        {
            var last = -1L;
            while (rows.ChangeCount == 0 || rows.ChangeCount != last)
            {
                last = rows.ChangeCount;
                await Task.Delay(options.Value.SettleInterval, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotSettled(logger, options.Value.SettleTimeout);
        }
    }

    private static Task WhenStarted(IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        cancellationToken.Register(() => started.TrySetCanceled(cancellationToken));
        return started.Task;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Producing {Count} demo records to the input topics")]
    private static partial void LogFeeding(ILogger logger, int count);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "The tables were still changing after {Timeout}; printing them as they are")]
    private static partial void LogNotSettled(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Demo done; the silo keeps running (Ctrl+C to stop)")]
    private static partial void LogRunning(ILogger logger);
}
