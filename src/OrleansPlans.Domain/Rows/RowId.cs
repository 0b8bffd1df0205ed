namespace OrleansPlans.Domain.Rows;

/// <summary>
/// Identifies a row of a plan's tables by its key columns, without building the key text: the in-memory engine keeps
/// its replica by these, so a row's key becomes a string only when someone reads it. <see cref="Key"/> is the row key
/// the contract gives (and <see cref="OutputRow.Key"/> returns for the row).
/// </summary>
internal readonly record struct RowId(string Table, string PlanId, string? Id, long Number)
{
    /// <summary>A <c>plan_usage_hourly</c> row (by the UTC ticks of the hour start, which is what its key writes).</summary>
    public static RowId Hour(string planId, DateTime hourStart) =>
        new(OutputTables.PlanUsageHourly, planId, null, hourStart.ToUniversalTime().Ticks);

    /// <summary>A <c>plan_usage_daily</c> row.</summary>
    public static RowId Day(string planId, DateOnly day) => new(OutputTables.PlanUsageDaily, planId, null, day.DayNumber);

    /// <summary>A <c>plan_usage_monthly</c> row (by the day number of the month's first day).</summary>
    public static RowId Month(string planId, DateOnly month) => new(OutputTables.PlanUsageMonthly, planId, null, month.DayNumber);

    /// <summary>A <c>plan_content_usage</c> row.</summary>
    public static RowId Content(string planId, string contentId) => new(OutputTables.PlanContentUsage, planId, contentId, 0);

    /// <summary>A <c>plan_members</c> row.</summary>
    public static RowId Member(string planId, string userId) => new(OutputTables.PlanMembers, planId, userId, 0);

    /// <summary>A <c>plans</c> row.</summary>
    public static RowId Plan(string planId) => new(OutputTables.Plans, planId, null, 0);

    /// <summary>The row key text.</summary>
    public string Key() => Table switch
    {
        OutputTables.PlanUsageHourly => PlanUsageHourlyRow.KeyOf(PlanId, new DateTime(Number, DateTimeKind.Utc)),
        OutputTables.PlanUsageDaily => PlanUsageDailyRow.KeyOf(PlanId, DateOnly.FromDayNumber((int)Number)),
        OutputTables.PlanUsageMonthly => PlanUsageMonthlyRow.KeyOf(PlanId, DateOnly.FromDayNumber((int)Number)),
        OutputTables.PlanContentUsage => PlanContentUsageRow.KeyOf(PlanId, Id!),
        OutputTables.PlanMembers => PlanMemberRow.KeyOf(PlanId, Id!),
        _ => PlanId,
    };
}
