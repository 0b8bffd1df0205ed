using System.Text.Json;

namespace OrleansPlans.Domain.Rows;

/// <summary>A row of <c>plan_members</c>: a membership open now.</summary>
public sealed record PlanMemberRow(string PlanId, string UserId, DateTime MemberSince) : OutputRow
{
    /// <inheritdoc />
    public override string Table => OutputTables.PlanMembers;

    /// <inheritdoc />
    public override string Key => KeyOf(PlanId, UserId);

    /// <summary>The key of a row.</summary>
    public static string KeyOf(string planId, string userId) => $"{planId}|{userId}";

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("plan_id", PlanId);
        writer.WriteString("user_id", UserId);
        writer.WriteString("member_since", RowFormat.Instant(MemberSince));
        writer.WriteEndObject();
    }
}
