namespace OrleansPlans.Dashboard.Responses;

/// <summary>A <c>plan_usage_daily</c> row.</summary>
/// <param name="Day">The UTC day.</param>
/// <param name="Seconds">Seconds of usage attributed to the plan that day.</param>
/// <param name="Events">Usage events.</param>
/// <param name="ActiveUsers">Distinct users whose usage that day is attributed to the plan.</param>
public sealed record DailyUsageRowResponse(DateOnly Day, long Seconds, long Events, long ActiveUsers);
