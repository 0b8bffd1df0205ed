using System.Text.Json;

namespace OrleansPlans.Domain.Rows;

/// <summary>A row of <c>plans</c>.</summary>
public sealed record PlanRow(string PlanId, string Status, string? MergedInto, long MemberCount) : OutputRow
{
    /// <summary>Status of a surviving plan.</summary>
    public const string Active = "active";

    /// <summary>Status of a plan merged into another.</summary>
    public const string Merged = "merged";

    /// <inheritdoc />
    public override string Table => OutputTables.Plans;

    /// <inheritdoc />
    public override string Key => PlanId;

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("plan_id", PlanId);
        writer.WriteString("status", Status);
        if (MergedInto is null)
        {
            writer.WriteNull("merged_into");
        }
        else
        {
            writer.WriteString("merged_into", MergedInto);
        }

        writer.WriteNumber("member_count", MemberCount);
        writer.WriteEndObject();
    }
}
