using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OrleansPlans.Host.Hosting;
using OrleansPlans.Host.Postgres;
using OrleansPlans.Host.Reporting;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Host.Demo;

/// <summary>
/// Once the silo runs: produces the demo data set to the input topics, waits until the analytics tables have
/// caught up with the output topics and stopped changing, then prints them and how to query them.
/// </summary>
public sealed partial class DemoJob(
    KafkaDemoProducer producer,
    PostgresTableSink sink,
    PostgresOptions postgres,
    NpgsqlDataSource dataSource,
    IOptions<DemoOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DemoJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await HostStarted.WaitAsync(lifetime, stoppingToken);
        var records = DemoDataSet.Generate(options.Value.Users);
        LogProducing(logger, records.Count);
        await producer.ProduceAsync(records, stoppingToken);
        await WaitUntilSettledAsync(stoppingToken);
        TableReport.Write(Console.Out, await AnalyticsReader.ReadAsync(dataSource, postgres.AnalyticsSchema, stoppingToken));
        Console.WriteLine();
        Console.WriteLine($"Query the tables yourself, e.g.: select * from {postgres.AnalyticsSchema}.plan_usage_monthly order by active_users desc;");
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
        // Settled: the sink has applied everything in the output topics, and the topics stopped growing.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SettleTimeout);
        try
        {
            var last = -1L;
            while (true)
            {
                var ends = await sink.ReadHighWatermarksAsync(timeout.Token);
                await sink.WaitUntilCaughtUpAsync(ends, options.Value.SettleTimeout, timeout.Token);
                var total = ends.Values.Sum();
                if (total > 0 && total == last)
                {
                    return;
                }

                last = total;
                await Task.Delay(options.Value.SettleInterval, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotSettled(logger, options.Value.SettleTimeout);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Producing {Count} demo records to the input topics")]
    private static partial void LogProducing(ILogger logger, int count);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Demo done; the silo keeps running (Ctrl+C to stop)")]
    private static partial void LogRunning(ILogger logger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "The tables were still changing after {Timeout}; printing them as they are")]
    private static partial void LogNotSettled(ILogger logger, TimeSpan timeout);
}
