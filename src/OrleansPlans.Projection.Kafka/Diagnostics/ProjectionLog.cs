using Microsoft.Extensions.Logging;

namespace OrleansPlans.Projection.Kafka.Diagnostics;

/// <summary>The projector's log events (ids 100-199).</summary>
internal static partial class ProjectionLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Kafka did not acknowledge the {Table} record {Key} on topic {Topic}: {Reason}")]
    public static partial void DeliveryFailed(ILogger logger, string table, string key, string topic, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Producing the {Table} record {Key} failed")]
    public static partial void ProduceFailed(ILogger logger, Exception error, string table, string key);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "The projector's flush loop failed")]
    public static partial void FlushLoopFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "{Count} output records were still unacknowledged when the projector stopped")]
    public static partial void UnacknowledgedAtShutdown(ILogger logger, int count);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Kafka producer error: {Reason} (fatal: {IsFatal})")]
    public static partial void ProducerError(ILogger logger, string reason, bool isFatal);
}
