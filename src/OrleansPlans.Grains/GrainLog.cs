using Microsoft.Extensions.Logging;

namespace OrleansPlans.Grains;

/// <summary>Source-generated log messages of the grains, with stable event ids.</summary>
internal static partial class GrainLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "User {UserId} received an item of unexpected type {ItemType} from stream {StreamId}; it is not an input event")]
    public static partial void UnexpectedItem(ILogger logger, string userId, string itemType, string streamId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Plan {PlanId} could not emit {Count} row changes; they will be emitted again")]
    public static partial void EmitFailed(ILogger logger, string planId, int count, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Merge {MergeId} of {Source} into {Target}: {Verdict} {Reason}")]
    public static partial void MergeDecided(ILogger logger, string mergeId, string source, string target, string verdict, string? reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Merge intake {SourcePlanId} received an item of unexpected type {ItemType}")]
    public static partial void UnexpectedMergeItem(ILogger logger, string sourcePlanId, string itemType);
}
