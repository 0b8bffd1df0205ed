using Microsoft.Extensions.Logging;

namespace OrleansPlans.Api;

/// <summary>Source-generated log messages of the API (event ids 5100-5199).</summary>
internal static partial class ApiLog
{
    // The key itself is never a parameter: it is a secret.
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Rejected an API key: {Reason}")]
    public static partial void KeyRejected(ILogger logger, string reason);
}
