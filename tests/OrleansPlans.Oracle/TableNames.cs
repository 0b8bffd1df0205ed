namespace OrleansPlans.Oracle;

/// <summary>The contract's section-3 table names, as <see cref="CanonicalTables"/> keys them.</summary>
public static class TableNames
{
    /// <summary>(plan_id, hour_start): seconds, events.</summary>
    public const string PlanUsageHourly = "plan_usage_hourly";

    /// <summary>(plan_id, day): seconds, events, active_users.</summary>
    public const string PlanUsageDaily = "plan_usage_daily";

    /// <summary>(plan_id, month): seconds, events, active_users; month is the first day of the UTC calendar month.</summary>
    public const string PlanUsageMonthly = "plan_usage_monthly";

    /// <summary>(plan_id, content_id): seconds, events.</summary>
    public const string PlanContentUsage = "plan_content_usage";

    /// <summary>(plan_id, user_id): member_since.</summary>
    public const string PlanMembers = "plan_members";

    /// <summary>(plan_id): status, merged_into, member_count.</summary>
    public const string Plans = "plans";

    /// <summary>(day): seconds, events.</summary>
    public const string UnattributedUsageDaily = "unattributed_usage_daily";

    /// <summary>(source_topic, source_partition, source_offset); only keys are compared.</summary>
    public const string DeadLetters = "dead_letters";

    /// <summary>All eight tables, in contract order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        PlanUsageHourly, PlanUsageDaily, PlanUsageMonthly, PlanContentUsage, PlanMembers, Plans, UnattributedUsageDaily, DeadLetters,
    ];
}
