using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// Reads one Kafka partition (one Orleans queue) through the silo's <see cref="KafkaSharedConsumer"/>, decodes records
/// into batch containers and checkpoints what the pulling agent reports delivered.
/// </summary>
/// <remarks>
/// Orleans' pulling agent calls <see cref="MessagesDeliveredAsync(IList{IBatchContainer})"/> with the batches its
/// <c>SimpleQueueCache</c> purged, and it purges a batch only when every consumer cursor has moved past it, i.e. after
/// delivery succeeded (or failed for good, which the failure handler dead-letters). The agent stops calling
/// <see cref="GetQueueMessagesAsync(int)"/> while the bounded cache is under pressure, and the receiver itself reads
/// nothing while <see cref="KafkaStreamOptions.CacheSize"/> records are undelivered, so a slow consumer pauses reading.
/// </remarks>
internal sealed partial class KafkaQueueReceiver : IQueueAdapterReceiver
{
    private readonly string _providerName;
    private readonly KafkaPartitionQueue _queue;
    private readonly KafkaStreamOptions _options;
    private readonly IKafkaRecordDecoder _decoder;
    private readonly KafkaSharedConsumer _shared;
    private readonly IKafkaDeadLetterSink _deadLetters;
    private readonly Func<IKafkaCheckpointStore> _checkpoints;
    private readonly KafkaStuckPartitionRegistry _stuck;
    private readonly KafkaLogLimiter _logLimiter;
    private readonly KafkaStreamMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TopicPartition _topicPartition;
    private KafkaPartitionFeed? _feed;
    private PartitionProgress _progress = new(-1);
    private long _savedCheckpoint = -1;
    private long _mirroredCheckpoint = -1;
    private long _nextOffset = -1;
    private DateTimeOffset _lastCheckpointWrite;
    private int _checkpointing;
    private volatile bool _stopping;

    public KafkaQueueReceiver(
        string providerName,
        KafkaPartitionQueue queue,
        KafkaStreamOptions options,
        IKafkaRecordDecoder decoder,
        KafkaSharedConsumer shared,
        IKafkaDeadLetterSink deadLetters,
        Func<IKafkaCheckpointStore> checkpoints,
        KafkaStuckPartitionRegistry stuck,
        KafkaLogLimiter logLimiter,
        KafkaStreamMetrics metrics,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _providerName = providerName;
        _queue = queue;
        _options = options;
        _decoder = decoder;
        _shared = shared;
        _deadLetters = deadLetters;
        _checkpoints = checkpoints;
        _stuck = stuck;
        _logLimiter = logLimiter;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
        _topicPartition = new TopicPartition(queue.Topic, new Partition(queue.Partition));
    }

    public KafkaPartitionQueue Queue => _queue;

    public async Task Initialize(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var checkpoint = await _checkpoints().LoadAsync(_options.ConsumerGroupId, _queue.Topic, _queue.Partition, cts.Token).ConfigureAwait(false);
        Offset start;
        string origin;
        if (checkpoint is { } completed)
        {
            start = new Offset(completed + 1);
            origin = "checkpoint";
            _savedCheckpoint = completed;
            _progress = new PartitionProgress(completed);
            _nextOffset = completed + 1;
        }
        else
        {
            start = _options.StartPosition == KafkaStartPosition.Earliest ? Offset.Beginning : Offset.End;
            origin = $"no checkpoint, {_options.StartPosition}";
            _progress = new PartitionProgress(-1);
        }

        _feed = _shared.Assign(_topicPartition, start);
        _metrics.TrackLag(_queue, ObserveLag);
        KafkaLog.ReceiverStarted(_logger, _providerName, _queue.Topic, _queue.Partition, start.ToString(), origin);

        // The previous reader may have died after saving this checkpoint but before Kafka committed it; nothing new may
        // ever complete on a quiet partition, so mirror the resumed position now or its lag would read stale forever.
        MirrorToKafka();
    }

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount)
    {
        var feed = _feed ?? throw new InvalidOperationException("The receiver is not initialized.");
        await MaybeCheckpointAsync(force: false).ConfigureAwait(false);

        // Orleans bounds its cache in batches; a batch can hold many records of one key, so the receiver also bounds
        // the records it holds (read but not yet delivered) to CacheSize, and reads nothing while that is reached.
        var limit = Math.Min(maxCount < 0 ? _options.MaxBatchSize : Math.Min(maxCount, _options.MaxBatchSize), _options.CacheSize - _progress.InFlightRecords);
        if (limit <= 0)
        {
            return [];
        }

        var batches = new List<IBatchContainer>();
        List<(KafkaPosition Position, string Reason, byte[]? Raw)>? rejected = null;
        long firstOffset = -1, lastOffset = -1;
        // Every record of one key in this pull travels in one container (in offset order), however the keys interleave:
        // a batch observer then handles a user's records with one call, one state write and one delta per plan.
        // Checkpoints stay exact: containers start in first-offset order and every record of a container comes at or
        // after its first offset, so everything below the first unfinished container's first offset is done.
        Dictionary<StreamId, KafkaBatchContainer>? byStream = null;
        for (var i = 0; i < limit; i++)
        {
            // Takes what the silo's consumer already read, never blocks the agent's thread.
            if (!feed.TryTake(out var result))
            {
                break;
            }

            var offset = result.Offset.Value;
            if (firstOffset < 0)
            {
                firstOffset = offset;
            }

            lastOffset = offset;
            var position = new KafkaPosition(_queue.Topic, _queue.Partition, offset);
            var message = result.Message;
            var outcome = Decode(new KafkaRecord(position, _queue.StreamNamespace, message.Key, message.Value, message.Headers, message.Timestamp.UtcDateTime));
            var streamKey = outcome.IsSuccess ? outcome.StreamKey ?? (message.Key is null ? null : Encoding.UTF8.GetString(message.Key)) : null;
            if (!outcome.IsSuccess || string.IsNullOrEmpty(streamKey))
            {
                (rejected ??= []).Add((position, outcome.FailureReason ?? "record has no key and the decoder gave no stream key", message.Value));
                continue;
            }

            var streamId = StreamId.Create(_queue.StreamNamespace, streamKey);
            byStream ??= [];
            if (!byStream.TryGetValue(streamId, out var current))
            {
                current = new KafkaBatchContainer(streamId, _queue.Topic, _queue.Partition, [], []) { RawValues = [] };
                byStream[streamId] = current;
                batches.Add(current);
            }

            current.Events.Add(outcome.Item!);
            current.Offsets.Add(offset);
            current.RawValues!.Add(message.Value);
        }

        if (firstOffset < 0)
        {
            return batches;
        }

        if (rejected is not null && !await TryDeadLetterAsync(rejected, firstOffset).ConfigureAwait(false))
        {
            return [];
        }

        var startedAt = _timeProvider.GetUtcNow();
        foreach (var batch in batches)
        {
            _progress.Started((KafkaBatchContainer)batch, startedAt);
        }

        _progress.FetchedThrough(lastOffset);
        Volatile.Write(ref _nextOffset, lastOffset + 1);
        _metrics.Consumed(_queue.Topic, (int)(lastOffset - firstOffset + 1));
        return batches;
    }

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages)
    {
        foreach (var message in messages)
        {
            if (message is KafkaBatchContainer batch)
            {
                _progress.Completed(batch.FirstOffset);
            }
        }

        await MaybeCheckpointAsync(force: false).ConfigureAwait(false);
    }

    public async Task Shutdown(TimeSpan timeout)
    {
        _stopping = true;
        _metrics.UntrackLag(_queue);
        await MaybeCheckpointAsync(force: true).ConfigureAwait(false);
        _stuck.Cleared(_queue.Topic, _queue.Partition);
        if (_feed is { } feed)
        {
            _feed = null;
            // Kafka's committed offset is the next one to read.
            var commit = _options.MirrorCheckpointsToKafka && _savedCheckpoint >= 0 ? _savedCheckpoint + 1 : (long?)null;
            await _shared.ReleaseAsync(feed, commit).ConfigureAwait(false);
        }

        KafkaLog.ReceiverStopped(_logger, _providerName, _queue.Topic, _queue.Partition, _savedCheckpoint < 0 ? null : _savedCheckpoint);
    }

    /// <summary>
    /// True once the pulling agent began stopping this queue (it moved to another silo, or the silo stops). Deliveries
    /// still in flight then fail without being retried: not because the records cannot be delivered.
    /// </summary>
    public bool IsStopping => _stopping;

    /// <summary>The in-flight batch that starts at <paramref name="firstOffset"/>, for the failure handler.</summary>
    public bool TryGetInFlight(long firstOffset, out KafkaBatchContainer batch, out DateTimeOffset startedAt) =>
        _progress.TryGetInFlight(firstOffset, out batch, out startedAt);

    /// <summary>The failure handler found a delivery abandoned, not failed: keep the batch for the partition's next reader.</summary>
    public void HoldForRedelivery(long firstOffset) => _progress.Hold(firstOffset);

    /// <summary>The failure handler dead-lettered a batch: count it as done.</summary>
    public void CompletedByFailureHandler(long firstOffset) => _progress.Completed(firstOffset);

    private KafkaDecodeResult Decode(in KafkaRecord record)
    {
        try
        {
            return _decoder.Decode(in record);
        }
        catch (Exception ex)
        {
            KafkaLog.DecoderThrew(_logger, ex, _providerName, record.Position.Topic, record.Position.Partition, record.Position.Offset);
            return KafkaDecodeResult.Failure($"decoder threw {ex.GetType().Name}: {ex.Message}");
        }
    }

    private long? ObserveLag()
    {
        var next = Volatile.Read(ref _nextOffset);
        return next < 0 || _feed is null || _shared.HighWatermark(_topicPartition) is not { } high ? null : Math.Max(0, high - next);
    }
}
