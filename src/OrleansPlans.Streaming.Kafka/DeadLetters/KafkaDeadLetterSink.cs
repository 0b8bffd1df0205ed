using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>Produces dead-letter records with the provider's shared idempotent producer.</summary>
/// <remarks>
/// Any record can be dead-lettered: a copy larger than <see cref="KafkaStreamOptions.EffectiveDeadLetterMaxMessageBytes"/>
/// is cut to fit (see <see cref="BoundedDeadLetter"/>), and if the topic still refuses it as too large (its own limit
/// is lower) the copy goes without its raw value.
/// </remarks>
internal sealed class KafkaDeadLetterSink(
    string providerName,
    string deadLetterTopic,
    int maxMessageBytes,
    IKafkaDeadLetterFormat format,
    KafkaProducerHolder producer,
    KafkaStreamMetrics metrics,
    TimeProvider timeProvider,
    ILogger<KafkaDeadLetterSink> logger) : IKafkaDeadLetterSink
{
    public async Task WriteAsync(KafkaPosition position, string reason, byte[]? rawValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        reason = BoundedDeadLetter.Sanitize(reason);
        var key = Encoding.UTF8.GetBytes(format.Key(position));
        var receivedAt = timeProvider.GetUtcNow();
        var value = BoundedDeadLetter.Value(format, position, reason, rawValue, receivedAt, maxMessageBytes, out var truncated);
        try
        {
            await producer.Producer.ProduceAsync(deadLetterTopic, new Message<byte[]?, byte[]?> { Key = key, Value = value }, cancellationToken).ConfigureAwait(false);
        }
        catch (KafkaException tooLarge) when (tooLarge.Error.Code == Confluent.Kafka.ErrorCode.MsgSizeTooLarge)
        {
            value = BoundedDeadLetter.WithoutRawValue(format, position, reason, rawValue, receivedAt);
            truncated = true;
            await producer.Producer.ProduceAsync(deadLetterTopic, new Message<byte[]?, byte[]?> { Key = key, Value = value }, cancellationToken).ConfigureAwait(false);
        }

        metrics.DeadLettered(position.Topic);
        if (truncated)
        {
            KafkaLog.DeadLetterTruncated(logger, providerName, position.Topic, position.Partition, position.Offset, rawValue?.Length ?? 0, value.Length);
        }

        KafkaLog.DeadLettered(logger, providerName, position.Topic, position.Partition, position.Offset, BoundedDeadLetter.Clip(reason));
    }
}
