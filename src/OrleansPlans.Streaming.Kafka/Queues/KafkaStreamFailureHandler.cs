using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// Dead-letters items Orleans gave up delivering, instead of losing them silently.
/// </summary>
/// <remarks>
/// When a consumer throws, the pulling agent retries delivery of the same batch with backoff until
/// <c>StreamPullingAgentOptions.MaxEventDeliveryTime</c> (default 1 minute) has passed; then it tells the consumer
/// (<c>OnErrorAsync</c>), calls this handler and moves on to the next batch. This handler writes every record of the
/// batch to the dead-letter topic (with its raw value while the batch is still in the reading silo's cache) before the
/// checkpoint may pass it. Subscriptions are not faulted. If the dead-letter write fails, the batch is not counted as
/// done, so the checkpoint stays behind it and it is redelivered after a restart; until then the partition is reported
/// stuck (<see cref="IKafkaStuckPartitions"/>). A failure that comes from the queue
/// stopping (Orleans does not retry a delivery once its agent stops) is not dead-lettered: the next reader redelivers.
/// </remarks>
internal sealed class KafkaStreamFailureHandler(
    string providerName,
    Func<KafkaQueueReceiver?> receiver,
    IKafkaDeadLetterSink deadLetters,
    KafkaStuckPartitionRegistry stuck,
    TimeSpan maxEventDeliveryTime,
    TimeProvider time,
    ILogger logger) : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public async Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        if (sequenceToken is not KafkaSequenceToken token)
        {
            return;
        }

        var reader = receiver();
        if (reader is null || reader.IsStopping)
        {
            // The agent stops retrying when its queue stops (rebalanced to another silo, or this silo shutting down),
            // so this failure says nothing about the records. They are not done, so the checkpoint stays before them
            // and the queue's next reader delivers them again; dead-lettering them here would report valid records as bad.
            KafkaLog.DeliveryInterrupted(logger, providerName, token.Topic, token.Partition, token.Offset, streamIdentity.ToString());
            return;
        }

        var inFlight = reader.TryGetInFlight(token.Offset, out var batch, out var startedAt);
        if (inFlight && time.GetUtcNow() - startedAt < maxEventDeliveryTime)
        {
            // Orleans gives up before MaxEventDeliveryTime only when its agent stops (it awaits the delivery before it
            // stops the receiver, so IsStopping may not be set yet). Hold the batch: the checkpoint stays before it.
            reader.HoldForRedelivery(batch.FirstOffset);
            KafkaLog.DeliveryInterrupted(logger, providerName, token.Topic, token.Partition, token.Offset, streamIdentity.ToString());
            return;
        }

        KafkaLog.DeliveryFailed(logger, providerName, token.Topic, token.Partition, token.Offset, streamIdentity.ToString(), subscriptionId.ToString());
        var reason = $"delivery to subscription {subscriptionId} of stream {streamIdentity} failed for StreamPullingAgentOptions.MaxEventDeliveryTime";
        try
        {
            if (inFlight)
            {
                for (var i = 0; i < batch.Offsets.Count; i++)
                {
                    await deadLetters.WriteAsync(new KafkaPosition(token.Topic, token.Partition, batch.Offsets[i]), reason, batch.RawValues?[i]).ConfigureAwait(false);
                }

                reader.CompletedByFailureHandler(batch.FirstOffset);
            }
            else
            {
                await deadLetters.WriteAsync(token.Position, reason, null).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            KafkaLog.DeliveryDeadLetterFailed(logger, ex, providerName, token.Topic, token.Partition, token.Offset);
            if (inFlight)
            {
                // Nothing retries this write: the checkpoint stays before the batch until the partition's reader restarts.
                stuck.Stuck(token.Topic, token.Partition, batch.FirstOffset, ex.Message);
            }
        }
    }

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
        => Task.CompletedTask;
}
