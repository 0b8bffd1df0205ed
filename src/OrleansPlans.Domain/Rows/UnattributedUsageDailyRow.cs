using System.Text.Json;

namespace OrleansPlans.Domain.Rows;

/// <summary>A row of <c>unattributed_usage_daily</c>.</summary>
public sealed record UnattributedUsageDailyRow(DateOnly Day, long Seconds, long Events) : OutputRow
{
    /// <inheritdoc />
    public override string Table => OutputTables.UnattributedUsageDaily;

    /// <inheritdoc />
    public override string Key => KeyOf(Day);

    /// <summary>The key of a row.</summary>
    public static string KeyOf(DateOnly day) => RowFormat.Day(day);

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("day", RowFormat.Day(Day));
        writer.WriteNumber("seconds", Seconds);
        writer.WriteNumber("events", Events);
        writer.WriteEndObject();
    }
}
