using Confluent.Kafka;
using Npgsql;
using OrleansPlans.Cli.Terminal;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Cli.Replaying;

/// <summary>
/// Rewinds and rebuilds the analytics tables with the sink's own code: <see cref="SinkRewind"/> (tables emptied, offsets
/// at the low watermarks, in one transaction under the sink's lock), then a <see cref="PostgresTableSink"/> of the same
/// group run until it reaches the high watermarks read before the rewind.
/// </summary>
internal sealed class ProjectionReplay(string connectionString, PostgresSinkOptions options, CliEnvironment environment)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var dataSource = CreateDataSource();
        var output = environment.Out;
        try
        {
            await AnalyticsSchema.MigrateAsync(dataSource, options.Schema, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException error)
        {
            throw new CliFailure($"PostgreSQL: {error.Message}", error);
        }

        var (lows, highs) = await ReadWatermarksAsync(cancellationToken).ConfigureAwait(false);
        var total = highs.Sum(p => p.Value - lows.GetValueOrDefault(p.Key));
        await output.WriteLineAsync($"Output topics: {highs.Keys.Select(p => p.Topic).Distinct().Count()} topics, {highs.Count} partitions, {total:N0} records to replay.").ConfigureAwait(false);

        var deleted = await SinkRewind.RewindAsync(dataSource, options, lows, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Rewound: deleted {deleted:N0} rows from the {options.Schema} tables; sink group '{options.ConsumerGroupId}' reset to the earliest offsets.").ConfigureAwait(false);

        using var sink = new PostgresTableSink(dataSource, options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = Task.Run(() => sink.RunAsync(stop.Token), CancellationToken.None);
        await using var progress = new ProgressBar(output, environment.IsInteractive, "records");
        try
        {
            var caughtUp = sink.WaitUntilCaughtUpAsync(highs, timeout, cancellationToken);
            while (!caughtUp.IsCompleted)
            {
                progress.Report(Applied(sink.AppliedOffsets, lows, highs), total);
                await Task.WhenAny(caughtUp, Task.Delay(ProgressInterval, cancellationToken)).ConfigureAwait(false);
            }

            await caughtUp.ConfigureAwait(false);
            progress.Report(total, total);
            await progress.CompleteAsync().ConfigureAwait(false);
        }
        catch (TimeoutException error)
        {
            await progress.CompleteAsync().ConfigureAwait(false);
            throw new CliFailure($"The rebuild did not finish within {timeout}: {error.Message}", error);
        }
        catch (InvalidOperationException error)
        {
            await progress.CompleteAsync().ConfigureAwait(false);
            throw new CliFailure($"The rebuild failed: {error.InnerException?.Message ?? error.Message}", error);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await running.ConfigureAwait(false);
        }

        await output.WriteLineAsync($"Replayed {total:N0} records; the tables hold {await CountRowsAsync(dataSource, cancellationToken).ConfigureAwait(false):N0} rows.").ConfigureAwait(false);
    }

    private static long Applied(IReadOnlyDictionary<TopicPartition, long> applied, IReadOnlyDictionary<TopicPartition, long> lows, IReadOnlyDictionary<TopicPartition, long> highs) =>
        highs.Sum(p => Math.Clamp(applied.GetValueOrDefault(p.Key, lows.GetValueOrDefault(p.Key)) - lows.GetValueOrDefault(p.Key), 0, p.Value - lows.GetValueOrDefault(p.Key)));

    private async Task<(IReadOnlyDictionary<TopicPartition, long> Lows, IReadOnlyDictionary<TopicPartition, long> Highs)> ReadWatermarksAsync(CancellationToken cancellationToken)
    {
        try
        {
            var lows = await OutputTopicOffsets.ReadLowWatermarksAsync(options, cancellationToken).ConfigureAwait(false);
            var highs = await OutputTopicOffsets.ReadHighWatermarksAsync(options, cancellationToken).ConfigureAwait(false);
            if (highs.Count == 0)
            {
                throw new CliFailure($"None of the output topics ({string.Join(", ", options.Topics.Values)}) exists at {options.BootstrapServers}; nothing to replay.");
            }

            return (lows, highs);
        }
        catch (KafkaException error)
        {
            throw new CliFailure($"Kafka: {error.Error.Reason}", error);
        }
    }

    private async Task<long> CountRowsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var schema = AnalyticsSchema.Quote(options.Schema);
        var sql = "select " + string.Join(" + ", options.Topics.Keys.Select(table => $"(select count(*) from {schema}.{table})"));
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private NpgsqlDataSource CreateDataSource()
    {
        try
        {
            return NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException)
        {
            throw new CliFailure("The PostgreSQL connection string cannot be parsed.");
        }
    }
}
