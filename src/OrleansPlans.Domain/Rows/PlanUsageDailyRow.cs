using System.Text.Json;

namespace OrleansPlans.Domain.Rows;

/// <summary>A row of <c>plan_usage_daily</c>.</summary>
public sealed record PlanUsageDailyRow(string PlanId, DateOnly Day, long Seconds, long Events, long ActiveUsers) : OutputRow
{
    /// <inheritdoc />
    public override string Table => OutputTables.PlanUsageDaily;

    /// <inheritdoc />
    public override string Key => KeyOf(PlanId, Day);

    /// <summary>The key of a row.</summary>
    public static string KeyOf(string planId, DateOnly day) => RowFormat.Key(planId, day);

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("plan_id", PlanId);
        writer.WriteString("day", RowFormat.Day(Day));
        writer.WriteNumber("seconds", Seconds);
        writer.WriteNumber("events", Events);
        writer.WriteNumber("active_users", ActiveUsers);
        writer.WriteEndObject();
    }
}
