using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>Produces dead-letter records with the provider's shared idempotent producer.</summary>
internal sealed class KafkaDeadLetterSink(
    string providerName,
    string deadLetterTopic,
    KafkaProducerHolder producer,
    KafkaStreamMetrics metrics,
    TimeProvider timeProvider,
    ILogger<KafkaDeadLetterSink> logger) : IKafkaDeadLetterSink
{
    public async Task WriteAsync(KafkaPosition position, string reason, byte[]? rawValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var message = new Message<byte[]?, byte[]?>
        {
            Key = Encoding.UTF8.GetBytes(DeadLetterRecord.Key(position)),
            Value = DeadLetterRecord.Value(position, reason, rawValue, timeProvider.GetUtcNow()),
        };
        await producer.Producer.ProduceAsync(deadLetterTopic, message, cancellationToken).ConfigureAwait(false);
        metrics.DeadLettered(position.Topic);
        KafkaLog.DeadLettered(logger, providerName, position.Topic, position.Partition, position.Offset, reason);
    }
}
