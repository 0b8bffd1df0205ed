using System.Text.Json;

namespace OrleansPlans.Domain.Rows;

/// <summary>A row of <c>plan_content_usage</c>.</summary>
public sealed record PlanContentUsageRow(string PlanId, string ContentId, long Seconds, long Events) : OutputRow
{
    /// <inheritdoc />
    public override string Table => OutputTables.PlanContentUsage;

    /// <inheritdoc />
    public override string Key => KeyOf(PlanId, ContentId);

    /// <summary>The key of a row.</summary>
    public static string KeyOf(string planId, string contentId) => $"{planId}|{contentId}";

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("plan_id", PlanId);
        writer.WriteString("content_id", ContentId);
        writer.WriteNumber("seconds", Seconds);
        writer.WriteNumber("events", Events);
        writer.WriteEndObject();
    }
}
