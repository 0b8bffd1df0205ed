namespace OrleansPlans.Domain.Rows;

/// <summary>The contract's section-3 table names. Each table's output topic has the same name with '-' for '_'.</summary>
public static class OutputTables
{
    /// <summary><c>plan_usage_hourly</c>.</summary>
    public const string PlanUsageHourly = "plan_usage_hourly";

    /// <summary><c>plan_usage_daily</c>.</summary>
    public const string PlanUsageDaily = "plan_usage_daily";

    /// <summary><c>plan_usage_monthly</c> (contract 1.1).</summary>
    public const string PlanUsageMonthly = "plan_usage_monthly";

    /// <summary><c>plan_content_usage</c>.</summary>
    public const string PlanContentUsage = "plan_content_usage";

    /// <summary><c>plan_members</c>.</summary>
    public const string PlanMembers = "plan_members";

    /// <summary><c>plans</c>.</summary>
    public const string Plans = "plans";

    /// <summary><c>unattributed_usage_daily</c>.</summary>
    public const string UnattributedUsageDaily = "unattributed_usage_daily";

    /// <summary><c>dead_letters</c>.</summary>
    public const string DeadLetters = "dead_letters";

    /// <summary>All tables, in the contract's order.</summary>
    public static readonly IReadOnlyList<string> All =
        [PlanUsageHourly, PlanUsageDaily, PlanUsageMonthly, PlanContentUsage, PlanMembers, Plans, UnattributedUsageDaily, DeadLetters];

    /// <summary>The default output topic of a table (<c>plan_usage_hourly</c> → <c>plan-usage-hourly</c>).</summary>
    public static string DefaultTopic(string table) => table.Replace('_', '-');
}
