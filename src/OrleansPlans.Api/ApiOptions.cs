namespace OrleansPlans.Api;

/// <summary>
/// Settings of the service HTTP API, bound from the <c>Api</c> configuration section and validated at start-up.
/// Roles come from the list a key is in: keys in <see cref="OperatorKeys"/> have the <c>operator</c> and
/// <c>analytics-read</c> roles; keys in <see cref="ReadKeys"/> have only <c>analytics-read</c>.
/// </summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section the options are bound from: <c>Api</c>.</summary>
    public const string SectionName = "Api";

    /// <summary>The shortest API key accepted, so that a key cannot be guessed.</summary>
    public const int MinKeyLength = 16;

    /// <summary>
    /// API keys (header <c>X-Api-Key</c>) that may call operator endpoints and read. Secrets: supply them from a
    /// secret store or the environment (<c>Api__OperatorKeys__0</c>), never from a checked-in file. Default: none.
    /// </summary>
    public string[] OperatorKeys { get; set; } = [];

    /// <summary>API keys that may only read analytics (for dashboards and analysts). Default: none.</summary>
    public string[] ReadKeys { get; set; } = [];

    /// <summary>
    /// Whether the read endpoints require a valid key. Default false: reads are open (the API is expected to
    /// listen on an internal network) to requests without a key, while a request presenting an invalid key is refused;
    /// operator endpoints always require an operator key.
    /// </summary>
    public bool RequireAuthForReads { get; set; }

    /// <summary>Page size of <c>/plans/{planId}/members</c> when the request gives none. Default 100.</summary>
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>The largest page size a request may ask for. Default 1000.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>The longest <c>to - from</c> range of an hourly usage query. Default 31 days (744 rows).</summary>
    public TimeSpan MaxHourlyUsageRange { get; set; } = TimeSpan.FromDays(31);

    /// <summary>The longest <c>to - from</c> range of a daily usage query. Default 731 days (two years).</summary>
    public TimeSpan MaxDailyUsageRange { get; set; } = TimeSpan.FromDays(731);

    /// <summary>The topic operator merge requests are published to (key = source plan id). Default <c>plan-merges</c>.</summary>
    public string MergeTopic { get; set; } = "plan-merges";

    /// <summary>
    /// How long publishing one merge event may take before the request answers 503 (the Kafka producer's
    /// <c>message.timeout.ms</c>). Default 10 seconds.
    /// </summary>
    public TimeSpan MergePublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
