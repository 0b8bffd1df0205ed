using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Grains.Projection;
using OrleansPlans.Projection.Kafka.Buffering;
using OrleansPlans.Projection.Kafka.Diagnostics;

namespace OrleansPlans.Projection.Kafka;

/// <summary>
/// The projector: publishes row changes to the contract's compacted output topics, one record per (table, key) and
/// flush interval (the latest change wins), key = the row's primary key joined with '|', value = the row's JSON, a
/// null value (tombstone) for a delete.
/// </summary>
/// <remarks>
/// <para><see cref="PublishAsync"/> completes when Kafka acknowledged (acks=all, idempotent producer) the record carrying
/// each change or a later change of the same key; it fails when Kafka refused it, and the caller publishes again.</para>
/// <para>Changes are buffered in hash-sharded dictionaries, so concurrent grains contend only when their keys share a
/// shard, and one timer flushes all shards. Records of a key always go to the same partition, in publish order.</para>
/// </remarks>
public sealed partial class KafkaRowSink : IRowSink, IAsyncDisposable
{
    private const int ShardCount = 64;

    private readonly KafkaProjectionOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ProjectionMetrics _metrics;
    private readonly IProducer<string, byte[]> _producer;
    private readonly PendingShard[] _shards;
    private readonly ConcurrentDictionary<FlushRound, byte> _rounds = new();
    private readonly CancellationTokenSource _stopping = new();
    // Serializes flushes (timer, FlushNow, dispose) so two versions of one key are never produced out of order.
    private readonly Lock _flushGate = new();
    private readonly Task _flushLoop;
    private int _disposed;

    /// <summary>Creates the sink and starts its flush timer.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public KafkaRowSink(KafkaProjectionOptions options, ILogger<KafkaRowSink>? logger = null, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = KafkaProjectionOptionsValidator.Problems(options);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(KafkaProjectionOptions), problems);
        }

        _options = options;
        _logger = logger ?? NullLogger<KafkaRowSink>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _metrics = new ProjectionMetrics(meterFactory);
        _shards = Enumerable.Range(0, ShardCount).Select(_ => new PendingShard()).ToArray();
        _producer = new ProducerBuilder<string, byte[]>(KafkaRowSinkProducerConfig.Build(options))
            .SetErrorHandler((_, error) => ProjectionLog.ProducerError(_logger, error.Reason, error.IsFatal))
            .Build();
        _flushLoop = Task.Run(FlushLoopAsync);
    }

    /// <summary>The options in use.</summary>
    public KafkaProjectionOptions Options => _options;

    /// <inheritdoc />
    public Task PublishAsync(IReadOnlyList<RowChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (changes.Count == 0)
        {
            return Task.CompletedTask;
        }

        if (changes.Count == 1)
        {
            return Buffer(changes[0]);
        }

        var acknowledgements = new Task[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            acknowledgements[i] = Buffer(changes[i]);
        }

        return Task.WhenAll(acknowledgements);
    }

    /// <summary>Produces everything buffered now instead of at the next tick (the records are not awaited).</summary>
    public void FlushNow() => FlushOnce(close: false);

    /// <summary>Produces what is buffered, waits up to 30 seconds for the acknowledgements, and stops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _flushLoop.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Already logged by the loop; the final flush below still hands over what is buffered.
        }

        FlushOnce(close: true);
        await Task.Run(() => _producer.Flush(TimeSpan.FromSeconds(30))).ConfigureAwait(false);

        var unacknowledged = _rounds.Keys.Sum(r => r.Count);
        if (unacknowledged > 0)
        {
            ProjectionLog.UnacknowledgedAtShutdown(_logger, unacknowledged);
            foreach (var round in _rounds.Keys)
            {
                round.FailUnsettled(new ObjectDisposedException(nameof(KafkaRowSink), "The projector stopped before Kafka acknowledged the record."));
            }
        }

        _producer.Dispose();
        _metrics.Dispose();
        _stopping.Dispose();
    }

    private Task Buffer(RowChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _ = _options.TopicOf(change.Table);
        var shard = _shards[(uint)HashCode.Combine(change.Table, change.Key) % ShardCount];
        var acknowledged = shard.Add(change, out var coalesced);
        if (coalesced)
        {
            _metrics.Coalesced();
        }

        return acknowledged;
    }

    private async Task FlushLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.FlushInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                FlushOnce(close: false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposal: the final flush happens in DisposeAsync.
        }
        catch (Exception error)
        {
            ProjectionLog.FlushLoopFailed(_logger, error);
            throw;
        }
    }

    private void FlushOnce(bool close)
    {
        lock (_flushGate)
        {
            FlushRound(close);
        }
    }

    private void FlushRound(bool close)
    {
        var round = new FlushRound(_time.GetTimestamp());
        _rounds.TryAdd(round, 0);
        foreach (var shard in _shards)
        {
            if (shard.TakeAll(close) is not { } taken)
            {
                continue;
            }

            foreach (var pending in taken.Values)
            {
                round.Add(pending);
                Produce(pending, round);
            }
        }

        if (round.Seal())
        {
            Finish(round);
        }
    }
}
