namespace OrleansPlans.Grains.Hosting;

/// <summary>The grain storage provider name the plan-analytics grains persist to; hosts configure a provider under it.</summary>
public static class PlanAnalyticsStorage
{
    /// <summary><c>plans</c>.</summary>
    public const string Name = "plans";
}
