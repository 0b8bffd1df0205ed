using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// One Kafka consumer per provider and silo, reading every partition whose queue this silo holds into that queue's
/// <see cref="KafkaPartitionFeed"/>. A consumer per partition (as before) cost a librdkafka client, its broker threads
/// and its own fetch requests per partition: with the dev broker's short fetch wait, an idle silo spent about half its
/// CPU on fetches that returned nothing. One client fetches all of a silo's partitions in one request per broker.
/// </summary>
/// <remarks>
/// Every change to the consumer (assign, unassign, seek, pause, resume, store offset) runs on the consumer's own
/// thread, in the order it was asked for, between polls: librdkafka wants one thread polling, and the order makes a
/// queue that moves away and back, or a rewind, unambiguous. The thread and its client exist while a partition is
/// assigned, so a silo without queues holds no client.
/// </remarks>
internal sealed class KafkaSharedConsumer(string providerName, KafkaStreamOptions options, KafkaLogLimiter logLimiter, ILogger logger)
{
    // How long a queued change waits at most for the poll in progress.
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(10);

    private readonly ConcurrentDictionary<TopicPartition, KafkaPartitionFeed> _feeds = new();
    private readonly ConcurrentQueue<Action<IConsumer<byte[]?, byte[]?>>> _changes = new();
    private readonly Lock _lifecycle = new();
    private volatile IConsumer<byte[]?, byte[]?>? _consumer;
    private bool _running;

    /// <summary>Starts reading <paramref name="partition"/> at <paramref name="start"/>; its records arrive in the returned feed.</summary>
    public KafkaPartitionFeed Assign(TopicPartition partition, Offset start)
    {
        var feed = new KafkaPartitionFeed(partition, options.MaxBatchSize * 2) { OnDrained = Resume };
        Change(consumer =>
        {
            if (_feeds.TryRemove(partition, out _))
            {
                // A receiver of this queue that never released it: the new one starts from its own checkpoint.
                consumer.IncrementalUnassign([partition]);
            }

            _feeds[partition] = feed;
            consumer.IncrementalAssign([new TopicPartitionOffset(partition, start)]);
        });
        return feed;
    }

    /// <summary>Stops reading the feed's partition, first committing <paramref name="commitOffset"/> to Kafka when given.</summary>
    public Task ReleaseAsync(KafkaPartitionFeed feed, long? commitOffset)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Change(consumer =>
        {
            try
            {
                if (_feeds.TryGetValue(feed.Partition, out var current) && ReferenceEquals(current, feed))
                {
                    if (commitOffset is { } offset)
                    {
                        CommitQuietly(consumer, new TopicPartitionOffset(feed.Partition, new Offset(offset)));
                    }

                    consumer.IncrementalUnassign([feed.Partition]);
                    _feeds.TryRemove(feed.Partition, out _);
                }
            }
            finally
            {
                done.TrySetResult();
            }
        });
        return done.Task;
    }

    /// <summary>Reads the feed's partition again from <paramref name="offset"/>; the feed hands out nothing until then.</summary>
    public void Rewind(KafkaPartitionFeed feed, long offset)
    {
        feed.BeginRewind();
        Change(consumer =>
        {
            if (!_feeds.TryGetValue(feed.Partition, out var current) || !ReferenceEquals(current, feed))
            {
                return;
            }

            if (feed.Paused)
            {
                consumer.Resume([feed.Partition]);
                feed.Resumed();
            }

            consumer.Seek(new TopicPartitionOffset(feed.Partition, new Offset(offset)));
            feed.Rewound();
        });
    }

    /// <summary>Stores <paramref name="offset"/> for librdkafka's background commit (a mirror of the checkpoint; see the receiver).</summary>
    public void StoreOffset(TopicPartitionOffset offset) => Change(consumer =>
    {
        if (!_feeds.ContainsKey(offset.TopicPartition))
        {
            return;
        }

        try
        {
            consumer.StoreOffset(offset);
        }
        catch (KafkaException ex)
        {
            // Logged as what it is (the mirror of a checkpoint), not as a consume error.
            LogCommitFailed(offset, ex.Error.Reason);
        }
    });

    /// <summary>The partition's high watermark as of the consumer's last fetch; null when unknown.</summary>
    public long? HighWatermark(TopicPartition partition)
    {
        try
        {
            var high = _consumer?.GetWatermarkOffsets(partition).High;
            return high is null || high == Offset.Unset ? null : high.Value.Value;
        }
        catch (Exception ex) when (ex is ObjectDisposedException or KafkaException)
        {
            return null;
        }
    }

    private void Resume(KafkaPartitionFeed feed) => Change(consumer =>
    {
        if (feed.Paused && _feeds.TryGetValue(feed.Partition, out var current) && ReferenceEquals(current, feed))
        {
            consumer.Resume([feed.Partition]);
            feed.Resumed();
        }
    });

    private void Change(Action<IConsumer<byte[]?, byte[]?>> change)
    {
        lock (_lifecycle)
        {
            if (!_running)
            {
                // Built here, so that settings librdkafka refuses fail the receiver that asked, as a consumer of its own did.
                var consumer = Build();
                _consumer = consumer;
                _running = true;
                new Thread(() => Run(consumer)) { IsBackground = true, Name = $"kafka-{providerName}" }.Start();
            }

            _changes.Enqueue(change);
        }
    }

    private void Run(IConsumer<byte[]?, byte[]?> consumer)
    {
        try
        {
            while (true)
            {
                while (_changes.TryDequeue(out var change))
                {
                    try
                    {
                        change(consumer);
                    }
                    catch (Exception ex) when (ex is KafkaException or InvalidOperationException or ArgumentException)
                    {
                        LogError(ex.Message);
                    }
                }

                if (_feeds.IsEmpty)
                {
                    lock (_lifecycle)
                    {
                        if (_changes.IsEmpty)
                        {
                            // Cleared under the lock: the next change starts a new thread and client.
                            _running = false;
                            _consumer = null;
                            return;
                        }
                    }

                    continue;
                }

                Poll(consumer);
            }
        }
        finally
        {
            try
            {
                // Commits what was stored and leaves cleanly.
                consumer.Close();
            }
            catch (KafkaException ex)
            {
                LogError(ex.Error.Reason);
            }

            consumer.Dispose();
        }
    }

    private void Poll(IConsumer<byte[]?, byte[]?> consumer)
    {
        ConsumeResult<byte[]?, byte[]?>? result;
        try
        {
            result = consumer.Consume(PollTimeout);
        }
        catch (ConsumeException ex) when (!ex.Error.IsFatal)
        {
            LogError(ex.Error.Reason);
            return;
        }
        catch (ConsumeException ex)
        {
            KafkaLog.SharedConsumerFailed(logger, ex, providerName);
            Thread.Sleep(TimeSpan.FromSeconds(1));
            return;
        }

        if (result?.Message is null || !_feeds.TryGetValue(result.TopicPartition, out var feed))
        {
            // Nothing, or a record of a partition released meanwhile: its next reader starts from the checkpoint.
            return;
        }

        feed.Add(result);
        if (!feed.Paused && feed.Count >= feed.High)
        {
            feed.Paused = true;
            consumer.Pause([feed.Partition]);
            // The receiver may have drained the feed before it saw the pause: then nobody else would resume it.
            if (feed.Count <= feed.Low)
            {
                consumer.Resume([feed.Partition]);
                feed.Resumed();
            }
        }
    }

    private IConsumer<byte[]?, byte[]?> Build()
    {
        var settings = KafkaClientConfig.Build(options);
        foreach (var (key, value) in options.ConsumerConfig)
        {
            settings[key] = value;
        }

        var config = new ConsumerConfig(settings)
        {
            GroupId = options.ConsumerGroupId,
            // Commits only what StoreOffset stores (the saved checkpoints), in librdkafka's background thread: a
            // synchronous commit would block every queue whenever the group coordinator's broker is down.
            EnableAutoCommit = options.MirrorCheckpointsToKafka,
            AutoCommitIntervalMs = (int)Math.Clamp(options.CheckpointInterval.TotalMilliseconds, 100, 60_000),
            EnableAutoOffsetStore = false,
            EnablePartitionEof = false,
            AutoOffsetReset = options.StartPosition == KafkaStartPosition.Earliest ? AutoOffsetReset.Earliest : AutoOffsetReset.Latest,
        };
        return new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetErrorHandler((_, error) => LogError(error.Reason))
            .SetLogHandler((_, message) => KafkaLog.FromLibrdkafka(logger, logLimiter, message))
            .SetOffsetsCommittedHandler((_, committed) =>
            {
                // Local_NoOffset only says nothing new was stored since the last commit.
                if (committed.Error.IsError && committed.Error.Code != Confluent.Kafka.ErrorCode.Local_NoOffset)
                {
                    LogCommitFailed(committed.Offsets.Count > 0 ? committed.Offsets[0].TopicPartitionOffset : null, committed.Error.Reason);
                }
            })
            .Build();
    }

    private void CommitQuietly(IConsumer<byte[]?, byte[]?> consumer, TopicPartitionOffset offset)
    {
        try
        {
            consumer.Commit([offset]);
        }
        catch (KafkaException ex)
        {
            LogCommitFailed(offset, ex.Error.Reason);
        }
    }

    // Every partition reports the same errors while a broker is down: logged at a bounded rate.
    private void LogError(string reason)
    {
        if (logLimiter.Allow(logger, LogLevel.Warning, $"consume error: {reason}"))
        {
            KafkaLog.SharedConsumeError(logger, providerName, reason);
        }
    }

    private void LogCommitFailed(TopicPartitionOffset? offset, string reason)
    {
        if (logLimiter.Allow(logger, LogLevel.Warning, $"commit to Kafka failed: {reason}"))
        {
            KafkaLog.KafkaCommitFailed(logger, providerName, offset?.Topic ?? "", offset?.Partition.Value ?? -1, offset?.Offset.Value ?? -1, reason);
        }
    }
}
