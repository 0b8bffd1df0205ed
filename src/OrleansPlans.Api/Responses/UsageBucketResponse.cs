namespace OrleansPlans.Api.Responses;

/// <summary>Usage in one hour or day (a <c>plan_usage_hourly</c> or <c>plan_usage_daily</c> row).</summary>
/// <param name="Start">The start of the hour or the day (UTC).</param>
/// <param name="Seconds">Seconds of usage.</param>
/// <param name="Events">Usage events.</param>
/// <param name="ActiveUsers">Distinct users with usage that day; null for hourly buckets.</param>
public sealed record UsageBucketResponse(DateTimeOffset Start, long Seconds, long Events, long? ActiveUsers);
