using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>Checkpointing: what is done is written at most every <see cref="KafkaStreamOptions.CheckpointInterval"/>.</summary>
internal sealed partial class KafkaQueueReceiver
{
    private async Task MaybeCheckpointAsync(bool force)
    {
        MirrorToKafka();
        var through = _progress.CompletedThrough;
        if (through <= _savedCheckpoint)
        {
            return;
        }

        var now = _timeProvider.GetUtcNow();
        if (!force && now - _lastCheckpointWrite < _options.CheckpointInterval)
        {
            return;
        }

        if (Interlocked.Exchange(ref _checkpointing, 1) == 1)
        {
            return;
        }

        try
        {
            await _checkpoints().SaveAsync(_options.ConsumerGroupId, _queue.Topic, _queue.Partition, through).ConfigureAwait(false);
            _savedCheckpoint = through;
            _lastCheckpointWrite = now;
            MirrorToKafka();
            _stuck.Passed(_queue.Topic, _queue.Partition, through);
        }
        catch (Exception ex)
        {
            if (_logLimiter.Allow(_logger, LogLevel.Warning, $"checkpoint write failed: {ex.Message}"))
            {
                KafkaLog.CheckpointWriteFailed(_logger, ex, _providerName, _queue.Topic, _queue.Partition, through);
            }
        }
        finally
        {
            Volatile.Write(ref _checkpointing, 0);
        }
    }

    /// <summary>
    /// Mirrors the saved checkpoint into Kafka's committed offsets of <see cref="KafkaStreamOptions.ConsumerGroupId"/>, so
    /// the usual lag tools (and the operator's status command) see the group's position. Grain storage stays the source
    /// of truth: the receiver never reads these commits back, so a failed or lost commit only makes the lag look larger.
    /// The offset is stored here and committed by librdkafka's auto-commit, off the pulling agent's thread (which also
    /// retries a commit the broker refused).
    /// </summary>
    private void MirrorToKafka()
    {
        var saved = _savedCheckpoint;
        if (!_options.MirrorCheckpointsToKafka || saved <= _mirroredCheckpoint || _feed is null)
        {
            return;
        }

        // Kafka's committed offset is the next one to read. Storing never blocks; the consumer commits it in the background.
        _shared.StoreOffset(new TopicPartitionOffset(_topicPartition, new Offset(saved + 1)));
        _mirroredCheckpoint = saved;
    }
}
