namespace OrleansPlans.Oracle;

/// <summary>The contract's default input topic names (CONTRACT.md section 1).</summary>
public static class Topics
{
    /// <summary>Membership events, key = userId.</summary>
    public const string Membership = "plan-membership";

    /// <summary>Content usage events, key = userId.</summary>
    public const string Usage = "content-usage";

    /// <summary>Plan merges, key = sourcePlanId.</summary>
    public const string Merges = "plan-merges";
}
