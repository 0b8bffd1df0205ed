namespace OrleansPlans.Streaming.Kafka;

/// <summary>Checkpointing: what is done is written at most every <see cref="KafkaStreamOptions.CheckpointInterval"/>.</summary>
internal sealed partial class KafkaQueueReceiver
{
    private async Task MaybeCheckpointAsync(bool force)
    {
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
        }
        catch (Exception ex)
        {
            KafkaLog.CheckpointWriteFailed(_logger, ex, _providerName, _queue.Topic, _queue.Partition, through);
        }
        finally
        {
            Volatile.Write(ref _checkpointing, 0);
        }
    }
}
