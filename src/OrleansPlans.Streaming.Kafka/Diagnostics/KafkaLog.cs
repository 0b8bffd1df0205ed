using Microsoft.Extensions.Logging;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>The provider's log messages, with stable event ids 4100-4199. Never logs client settings (they may hold secrets).</summary>
internal static partial class KafkaLog
{
    // No Microsoft.Extensions.Compliance.Redaction: no message takes a client setting, so there is nothing to redact, and a
    // secret that never reaches a log call cannot leak through a sink or formatter that skips redaction.

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Kafka stream provider {Provider} reads {Topic}[{Partition}] from offset {Offset} ({Origin})")]
    public static partial void ReceiverStarted(ILogger logger, string provider, string topic, int partition, string offset, string origin);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information,
        Message = "Kafka stream provider {Provider} stopped reading {Topic}[{Partition}]; last checkpoint {Offset}")]
    public static partial void ReceiverStopped(ILogger logger, string provider, string topic, int partition, long? offset);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "Kafka stream provider {Provider} dead-lettered {Topic}[{Partition}]@{Offset}: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string provider, string topic, int partition, long offset, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error,
        Message = "Kafka stream provider {Provider}: decoder threw on {Topic}[{Partition}]@{Offset}; the record is dead-lettered")]
    public static partial void DecoderThrew(ILogger logger, Exception exception, string provider, string topic, int partition, long offset);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning,
        Message = "Kafka stream provider {Provider}: could not dead-letter records of {Topic}[{Partition}]; rewinding to offset {Offset} to retry")]
    public static partial void DeadLetterFailedRewinding(ILogger logger, Exception exception, string provider, string topic, int partition, long offset);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning,
        Message = "Kafka stream provider {Provider}: checkpoint write for {Topic}[{Partition}] at offset {Offset} failed; it is retried on the next delivery")]
    public static partial void CheckpointWriteFailed(ILogger logger, Exception exception, string provider, string topic, int partition, long offset);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Error,
        Message = "Kafka stream provider {Provider}: delivery of {Topic}[{Partition}]@{Offset} on stream {StreamId} to subscription {SubscriptionId} failed for good; dead-lettering it")]
    public static partial void DeliveryFailed(ILogger logger, string provider, string topic, int partition, long offset, string streamId, string subscriptionId);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Error,
        Message = "Kafka stream provider {Provider}: could not dead-letter undeliverable {Topic}[{Partition}]@{Offset}; its checkpoint stays behind it so it is redelivered after a restart")]
    public static partial void DeliveryDeadLetterFailed(ILogger logger, Exception exception, string provider, string topic, int partition, long offset);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information,
        Message = "Kafka stream provider {Provider}: topic {Topic} has {Partitions} partitions (from cluster metadata)")]
    public static partial void PartitionsDiscovered(ILogger logger, string provider, string topic, int partitions);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning,
        Message = "Kafka stream provider {Provider}: checkpoint for {Topic}[{Partition}] was moved on by another silo; keeping offset {Offset}")]
    public static partial void CheckpointConflict(ILogger logger, string provider, string topic, int partition, long offset);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Warning,
        Message = "Kafka stream provider {Provider}: could not mirror the checkpoint of {Topic}[{Partition}] to Kafka as committed offset {Offset} (lag reports only; grain storage holds the checkpoint): {Reason}")]
    public static partial void KafkaCommitFailed(ILogger logger, string provider, string topic, int partition, long offset, string reason);

    [LoggerMessage(EventId = 4112, Message = "librdkafka {Facility} ({Client}): {Text}")]
    public static partial void Librdkafka(ILogger logger, LogLevel level, string facility, string client, string text);

    /// <summary>
    /// Routes a librdkafka log line to <paramref name="logger"/> at the matching level, through <paramref name="limiter"/>:
    /// every consumer and producer of a provider logs the same connection errors while a broker is down.
    /// </summary>
    public static void FromLibrdkafka(ILogger logger, KafkaLogLimiter limiter, Confluent.Kafka.LogMessage message)
    {
        var level = message.Level switch
        {
            Confluent.Kafka.SyslogLevel.Emergency or Confluent.Kafka.SyslogLevel.Alert or Confluent.Kafka.SyslogLevel.Critical => LogLevel.Critical,
            Confluent.Kafka.SyslogLevel.Error => LogLevel.Error,
            Confluent.Kafka.SyslogLevel.Warning => LogLevel.Warning,
            Confluent.Kafka.SyslogLevel.Notice or Confluent.Kafka.SyslogLevel.Info => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        // Keyed without the client name: each partition's consumer has its own, and their lines are the same news.
        if (limiter.Allow(logger, level, $"librdkafka {message.Facility}: {message.Message}"))
        {
            Librdkafka(logger, level, message.Facility, message.Name, message.Message);
        }
    }

    [LoggerMessage(EventId = 4114, Level = LogLevel.Warning,
        Message = "Kafka stream provider {Provider}: delivery of {Topic}[{Partition}]@{Offset} on stream {StreamId} was interrupted because its queue stopped; not dead-lettered, the queue's next reader delivers it again")]
    public static partial void DeliveryInterrupted(ILogger logger, string provider, string topic, int partition, long offset, string streamId);

    [LoggerMessage(EventId = 4115, Level = LogLevel.Warning,
        Message = "Kafka stream provider {Provider}: the dead-letter copy of {Topic}[{Partition}]@{Offset} was cut to fit the dead-letter topic ({Size} bytes of value, {Written} bytes written); its reason holds the original size and SHA-256")]
    public static partial void DeadLetterTruncated(ILogger logger, string provider, string topic, int partition, long offset, int size, int written);

    [LoggerMessage(EventId = 4116, Level = LogLevel.Error,
        Message = "Kafka stream provider {Provider}: {Topic}[{Partition}] is stuck at offset {Offset} after {Failures} failures; nothing behind it is checkpointed until it is dead-lettered: {Error}")]
    public static partial void PartitionStuck(ILogger logger, string provider, string topic, int partition, long offset, int failures, string error);

    [LoggerMessage(EventId = 4117, Level = LogLevel.Information,
        Message = "Kafka stream provider {Provider}: {Topic}[{Partition}] is no longer stuck at offset {Offset}")]
    public static partial void PartitionUnstuck(ILogger logger, string provider, string topic, int partition, long offset);

    [LoggerMessage(EventId = 4118,
        Message = "Kafka stream provider {Provider}: {Count} more like this in the last {WindowSeconds} s were not logged (a repeated message is logged once per window): {Text}")]
    public static partial void Repeated(ILogger logger, LogLevel level, string provider, int count, int windowSeconds, string text);

    [LoggerMessage(EventId = 4119, Level = LogLevel.Warning,
        Message = "Kafka stream provider {Provider}: consume error: {Reason}")]
    public static partial void SharedConsumeError(ILogger logger, string provider, string reason);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Error,
        Message = "Kafka stream provider {Provider}: fatal consume error; the silo's consumer retries in a second")]
    public static partial void SharedConsumerFailed(ILogger logger, Exception exception, string provider);
}
