using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>Dead-lettering rejected records.</summary>
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
            // failure that repeats makes the partition stuck for readiness and status to report. Hand-written, not a retry
            // policy: the retry is a rewind of the partition, part of the provider's no-skip guarantee.
            if (_logLimiter.Allow(_logger, LogLevel.Warning, $"could not dead-letter records of {_queue.Topic}[{_queue.Partition}]: {ex.Message}"))
            {
                KafkaLog.DeadLetterFailedRewinding(_logger, ex, _providerName, _queue.Topic, _queue.Partition, firstOffset);
            }

            _stuck.Failed(_queue.Topic, _queue.Partition, firstOffset, ex.Message);
            if (_feed is { } feed)
            {
                _shared.Rewind(feed, firstOffset);
            }

            return false;
        }
    }
}
