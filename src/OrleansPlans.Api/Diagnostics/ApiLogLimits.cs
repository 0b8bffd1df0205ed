namespace OrleansPlans.Api.Diagnostics;

/// <summary>
/// The rate limits of the API's log lines that outsiders can cause at will: one limiter per kind, so a flood of one
/// kind (bad bodies) does not hide the other (rejected keys, outages). A singleton of the container.
/// </summary>
internal sealed class ApiLogLimits(TimeProvider time)
{
    /// <summary>400 answers: malformed bodies, bad fields and query values.</summary>
    public LogRateLimiter BadRequests { get; } = new(time);

    /// <summary>Requests with a malformed or unknown API key.</summary>
    public LogRateLimiter RejectedKeys { get; } = new(time);

    /// <summary>503 answers because PostgreSQL, Kafka or the cluster did not answer.</summary>
    public LogRateLimiter Outages { get; } = new(time);
}
