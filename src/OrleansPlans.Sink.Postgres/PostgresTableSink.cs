using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using OrleansPlans.Sink.Postgres.Consuming;
using OrleansPlans.Sink.Postgres.Diagnostics;
using OrleansPlans.Sink.Postgres.Tables;
using OrleansPlans.Sink.Postgres.Writing;
using Polly;

namespace OrleansPlans.Sink.Postgres;

/// <summary>
/// Replicates the contract's compacted output topics into the analytics tables: per batch, one PostgreSQL transaction
/// upserts the rows (deletes them for tombstones) and stores each partition's next offset in <c>sink_offsets</c>.
/// </summary>
/// <remarks>
/// <para>Partitions are assigned manually (all partitions of the contract's output topics) and positioned from <c>sink_offsets</c>,
/// never from Kafka's committed offsets: whatever happens between the transaction and anything after it, a restart
/// resumes exactly after the last applied record, so nothing is applied twice or lost. A Kafka consumer group would
/// let several replicas split the partitions, but a rebalance in the middle of a transaction could then let an old
/// owner write after the new one started; one replica per database is enough for the contract's volumes, and a
/// second replica of the same group is fenced (the offset rows are locked and compared before every write).</para>
/// <para>Records that cannot be decoded (they should not exist) are logged with topic, partition and offset, and
/// skipped. PostgreSQL failures roll the batch back; the sink waits <see cref="PostgresSinkOptions.RetryDelay"/> and
/// re-reads from the stored offsets.</para>
/// </remarks>
public sealed partial class PostgresTableSink : BackgroundService
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresSinkOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IReadOnlyDictionary<string, SinkTable> _tablesByTopic;
    private readonly SinkOffsetStore _offsets;
    private readonly BatchWriter _writer;
    private readonly ResiliencePipeline _storedOffsetsRetry;
    private readonly SinkMetrics _metrics;
    private readonly ConcurrentDictionary<TopicPartition, long> _applied = new();
    private Dictionary<TopicPartition, long> _stored = [];
    private int _running;

    /// <summary>Creates a sink writing through <paramref name="dataSource"/>; call <see cref="RunAsync"/> or host it as a service.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public PostgresTableSink(
        NpgsqlDataSource dataSource,
        PostgresSinkOptions options,
        ILogger<PostgresTableSink>? logger = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        var problems = PostgresSinkOptionsValidator.Problems(options);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(PostgresSinkOptions), problems);
        }

        _dataSource = dataSource;
        _options = options;
        _logger = logger ?? NullLogger<PostgresTableSink>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _tablesByTopic = options.Topics.ToDictionary(p => p.Value, p => SinkTables.ByName[p.Key], StringComparer.Ordinal);
        var schema = AnalyticsSchema.Quote(options.Schema);
        _offsets = new SinkOffsetStore(schema, options.ConsumerGroupId);
        _writer = new BatchWriter(dataSource, schema, _offsets);
        _metrics = new SinkMetrics(meterFactory);
        _storedOffsetsRetry = StoredOffsetsRetry.Create(options.RetryDelay, _time, _logger);
    }

    /// <summary>The options in use.</summary>
    public PostgresSinkOptions Options => _options;

    /// <summary>Test hook: runs right after a transaction committed, before anything else (throw to simulate a crash there).</summary>
    internal Action<IReadOnlyDictionary<TopicPartition, long>>? AfterTransactionCommitted { get; set; }

    /// <summary>
    /// Applies the migrations (unless <see cref="PostgresSinkOptions.ApplyMigrationsOnStart"/> is false), then consumes
    /// and applies the output topics until <paramref name="cancellationToken"/> is cancelled (then it returns normally).
    /// </summary>
    /// <exception cref="InvalidOperationException">The sink is already running.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            throw new InvalidOperationException("This PostgresTableSink is already running.");
        }

        try
        {
            if (_options.ApplyMigrationsOnStart)
            {
                await AnalyticsSchema.MigrateAsync(_dataSource, _options.Schema, _logger, cancellationToken).ConfigureAwait(false);
            }

            using var consumer = new ConsumerBuilder<byte[], byte[]>(SinkConsumerConfig.Build(_options, _options.ConsumerGroupId))
                .SetErrorHandler((_, error) => SinkLog.ConsumeFailed(_logger, error.Reason))
                .Build();
            await Task.Yield();
            await ConsumeAsync(consumer, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the last committed transaction is where the next run resumes.
        }
        catch (Exception error)
        {
            Fail(error);
            throw;
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        base.Dispose();
        _metrics.Dispose();
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(stoppingToken);

    private async Task ConsumeAsync(IConsumer<byte[], byte[]> consumer, CancellationToken cancellationToken)
    {
        var partitions = new List<TopicPartition>();
        long? listedAt = null;
        var incomplete = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Missing topics (or an unreachable cluster) are looked for again soon; a complete list only now and then.
            if (listedAt is not { } at || _time.GetElapsedTime(at) >= (incomplete ? _options.RetryDelay : _options.PartitionRefreshInterval))
            {
                listedAt = _time.GetTimestamp();
                if (ListPartitions(consumer) is { } listed)
                {
                    incomplete = listed.Select(p => p.Topic).Distinct().Count() < _options.Topics.Count;
                    if (!listed.SequenceEqual(partitions))
                    {
                        partitions = listed;
                        await AssignFromStoredOffsetsAsync(consumer, partitions, cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    incomplete = true;
                }
            }

            var batch = Collect(consumer);
            if (batch.IsEmpty)
            {
                continue;
            }

            if (batch.RecordCount > 0 && !await TryApplyAsync(consumer, batch, cancellationToken).ConfigureAwait(false))
            {
                await AssignFromStoredOffsetsAsync(consumer, partitions, cancellationToken).ConfigureAwait(false);
                continue;
            }

            Advance(batch);
        }
    }

    private List<TopicPartition>? ListPartitions(IConsumer<byte[], byte[]> consumer)
    {
        try
        {
            return OutputTopicOffsets.ListPartitions(consumer.Handle, _options.Topics.Values, _options.MetadataTimeout,
                (topic, reason) => SinkLog.TopicMissing(_logger, topic, reason));
        }
        catch (KafkaException error)
        {
            SinkLog.ConsumeFailed(_logger, error.Error.Reason);
            return null;
        }
    }

    private async Task<bool> TryApplyAsync(IConsumer<byte[], byte[]> consumer, SinkBatch batch, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        try
        {
            if (!await _writer.WriteAsync(batch, _stored, cancellationToken).ConfigureAwait(false))
            {
                SinkLog.OffsetsMoved(_logger, _options.ConsumerGroupId);
                return false;
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SinkLog.BatchFailed(_logger, error, batch.RecordCount);
            // Hand-written, not a retry policy: a failed batch is never retried as it was; the consumer rewinds to the
            // offsets stored with the tables (what makes the sink exactly-once), and this pause only spaces the attempts.
            await Task.Delay(_options.RetryDelay, _time, cancellationToken).ConfigureAwait(false);
            return false;
        }

        foreach (var (partition, next) in batch.NextOffsets)
        {
            _stored[partition] = next;
        }

        _metrics.Applied(batch.RecordCount, elapsed.Elapsed, batch.OldestWrittenAt is { } oldest ? _time.GetUtcNow() - oldest : null);
        SinkLog.BatchApplied(_logger, batch.RecordCount, batch.RowCount, elapsed.ElapsedMilliseconds);
        AfterTransactionCommitted?.Invoke(batch.NextOffsets);
        if (_options.CommitToKafka)
        {
            try
            {
                consumer.Commit(batch.NextOffsets.Select(p => new TopicPartitionOffset(p.Key, p.Value)));
            }
            catch (KafkaException error)
            {
                SinkLog.KafkaCommitFailed(_logger, error.Error.Reason);
            }
        }

        return true;
    }

    private async Task AssignFromStoredOffsetsAsync(IConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, CancellationToken cancellationToken)
    {
        _stored = await _storedOffsetsRetry.ExecuteAsync(async ct =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            return await _offsets.ReadAsync(connection, null, forUpdate: false, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, _stored.TryGetValue(p, out var next) ? new Offset(next) : Offset.Beginning)));
        foreach (var (partition, next) in _stored)
        {
            _applied.AddOrUpdate(partition, next, (_, current) => Math.Max(current, next));
        }

        SinkLog.Assigned(_logger, _options.ConsumerGroupId, partitions.Count, _options.Schema);
        Pulse();
    }
}
