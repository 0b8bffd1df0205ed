using System.Text.Json;

namespace OrleansPlans.Domain.Rows;

/// <summary>A row of <c>plan_usage_hourly</c>.</summary>
public sealed record PlanUsageHourlyRow(string PlanId, DateTime HourStart, long Seconds, long Events) : OutputRow
{
    /// <inheritdoc />
    public override string Table => OutputTables.PlanUsageHourly;

    /// <inheritdoc />
    public override string Key => KeyOf(PlanId, HourStart);

    /// <summary>The key of a row.</summary>
    public static string KeyOf(string planId, DateTime hourStart) => RowFormat.Key(planId, hourStart);

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("plan_id", PlanId);
        writer.WriteString("hour_start", RowFormat.Instant(HourStart));
        writer.WriteNumber("seconds", Seconds);
        writer.WriteNumber("events", Events);
        writer.WriteEndObject();
    }
}
