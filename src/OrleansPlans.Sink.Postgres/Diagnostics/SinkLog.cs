using Microsoft.Extensions.Logging;

namespace OrleansPlans.Sink.Postgres.Diagnostics;

/// <summary>The PostgreSQL sink's log events (ids 200-299).</summary>
internal static partial class SinkLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Skipped output record {Topic} [{Partition}] @{Offset}: {Reason}")]
    public static partial void RecordSkipped(ILogger logger, string topic, int partition, long offset, string reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "Applying a batch of {Count} records failed; retrying from the stored offsets")]
    public static partial void BatchFailed(ILogger logger, Exception error, int count);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "sink_offsets of group {ConsumerGroup} changed under this sink (another replica?); re-positioning from the stored offsets")]
    public static partial void OffsetsMoved(ILogger logger, string consumerGroup);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Sink {ConsumerGroup} assigned {Count} partitions into schema {Schema}")]
    public static partial void Assigned(ILogger logger, string consumerGroup, int count, string schema);

    [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "Output topic {Topic} is not available yet: {Reason}")]
    public static partial void TopicMissing(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 206, Level = LogLevel.Warning, Message = "Consuming failed: {Reason}")]
    public static partial void ConsumeFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 207, Level = LogLevel.Debug, Message = "Committing offsets to Kafka failed (monitoring only): {Reason}")]
    public static partial void KafkaCommitFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 208, Level = LogLevel.Debug, Message = "Applied {Records} records ({Rows} rows) in {ElapsedMilliseconds} ms")]
    public static partial void BatchApplied(ILogger logger, int records, int rows, long elapsedMilliseconds);
}
