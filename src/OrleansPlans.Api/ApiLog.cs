using Microsoft.Extensions.Logging;

namespace OrleansPlans.Api;

/// <summary>Source-generated log messages of the API (event ids 5100-5199).</summary>
internal static partial class ApiLog
{
    // The key itself is never a parameter: it is a secret. No Microsoft.Extensions.Compliance.Redaction: a secret that never
    // reaches a log call cannot leak through a sink or formatter that skips redaction (ApiKeyAuthTests checks the log).
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Rejected an API key: {Reason} ({Suppressed} earlier rejections not logged: rate limit)")]
    public static partial void KeyRejected(ILogger logger, string reason, int suppressed);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information,
        Message = "Merge request {RequestId} ({Outcome}): merge {SourcePlanId} into {TargetPlanId}, by {Caller} from {RemoteAddress}")]
    public static partial void MergeRequested(ILogger logger, string requestId, string outcome, string sourcePlanId, string targetPlanId, string caller, string? remoteAddress);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Merge request {RequestId}: publishing merge event {MergeEventId} failed")]
    public static partial void MergePublishFailed(ILogger logger, string requestId, string mergeEventId, Exception exception);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information,
        Message = "Answered 400 to {Method} {Path} from {RemoteAddress}: {Detail} ({Suppressed} earlier 400s not logged: rate limit)")]
    public static partial void BadRequest(ILogger logger, string method, string path, string? remoteAddress, string? detail, int suppressed);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning,
        Message = "Answered 503 to {Method} {Path}: {System} did not answer ({Suppressed} earlier 503s not logged: rate limit)")]
    public static partial void DependencyUnavailable(ILogger logger, string method, string path, string system, int suppressed, Exception exception);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Information, Message = "Operator sign-in with {Caller} from {RemoteAddress}")]
    public static partial void OperatorSignedIn(ILogger logger, string caller, string? remoteAddress);
}
