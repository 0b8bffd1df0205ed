using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>Dead-lettering rejected records, and the failures every partition's consumer repeats, logged at a bounded rate.</summary>
internal sealed partial class KafkaQueueReceiver
{
    private async Task<bool> TryDeadLetterAsync(List<(KafkaPosition Position, string Reason, byte[]? Raw)> rejected, long firstOffset)
    {
        try
        {
            await Task.WhenAll(rejected.Select(r => _deadLetters.WriteAsync(r.Position, r.Reason, r.Raw))).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex)
        {
            // Never skip a record that is not safely dead-lettered: drop this pull and read it again on the next one. A
            // failure that repeats makes the partition stuck for readiness and status to report.
            if (_logLimiter.Allow(_logger, LogLevel.Warning, $"could not dead-letter records of {_queue.Topic}[{_queue.Partition}]: {ex.Message}"))
            {
                KafkaLog.DeadLetterFailedRewinding(_logger, ex, _providerName, _queue.Topic, _queue.Partition, firstOffset);
            }

            _stuck.Failed(_queue.Topic, _queue.Partition, firstOffset, ex.Message);
            _consumer?.Seek(new TopicPartitionOffset(_topicPartition, new Offset(firstOffset)));
            return false;
        }
    }

    // Every partition's consumer reports the same errors while a broker is down: logged at a bounded rate.
    private void LogConsumeError(string reason)
    {
        if (_logLimiter.Allow(_logger, LogLevel.Warning, $"consume error: {reason}"))
        {
            KafkaLog.ConsumeError(_logger, _providerName, _queue.Topic, _queue.Partition, reason);
        }
    }

    private void LogKafkaCommitFailed(long offset, string reason)
    {
        if (_logLimiter.Allow(_logger, LogLevel.Warning, $"commit to Kafka failed: {reason}"))
        {
            KafkaLog.KafkaCommitFailed(_logger, _providerName, _queue.Topic, _queue.Partition, offset, reason);
        }
    }
}
