using System.Text.Json;

namespace OrleansPlans.Domain.Rows;

/// <summary>A row of <c>plan_usage_monthly</c>: a plan's usage in one UTC calendar month, with its distinct active users.</summary>
/// <param name="Month">The first day of the month.</param>
public sealed record PlanUsageMonthlyRow(string PlanId, DateOnly Month, long Seconds, long Events, long ActiveUsers) : OutputRow
{
    /// <inheritdoc />
    public override string Table => OutputTables.PlanUsageMonthly;

    /// <inheritdoc />
    public override string Key => KeyOf(PlanId, Month);

    /// <summary>The key of a row: <c>{planId}|{yyyy-MM-01}</c>.</summary>
    public static string KeyOf(string planId, DateOnly month) => RowFormat.Key(planId, month);

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("plan_id", PlanId);
        writer.WriteString("month", RowFormat.Day(Month));
        writer.WriteNumber("seconds", Seconds);
        writer.WriteNumber("events", Events);
        writer.WriteNumber("active_users", ActiveUsers);
        writer.WriteEndObject();
    }
}
