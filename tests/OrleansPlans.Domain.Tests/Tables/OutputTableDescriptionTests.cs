using System.Text.Json;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Domain.Tests.Tables;

/// <summary>
/// Each row type writes exactly the columns its table's description names, in order and of the described JSON kinds,
/// and a key with one part per key column; so the row JSON, the sink (which writes the descriptions' columns) and the
/// migrations (checked against the descriptions in the sink's schema tests) cannot drift apart.
/// </summary>
public sealed class OutputTableDescriptionTests
{
    private static readonly DateTime Instant = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Day = new(2026, 3, 1);

    public static TheoryData<OutputRow> Rows =>
    [
        new PlanUsageHourlyRow("plan-a", Instant, 60, 1),
        new PlanUsageDailyRow("plan-a", Day, 60, 1, 1),
        new PlanUsageMonthlyRow("plan-a", Day, 60, 1, 1),
        new PlanContentUsageRow("plan-a", "k8s-ops", 60, 1),
        new PlanMemberRow("plan-a", "user-1", Instant),
        new PlanRow("plan-a", PlanRow.Merged, "plan-b", 0),
        new PlanRow("plan-b", PlanRow.Active, null, 3),
        new UnattributedUsageDailyRow(Day, 60, 1),
        new DeadLetterRow(new SourcePosition("content-usage", 2, 609), "not JSON", [1, 2], Instant),
        new DeadLetterRow(new SourcePosition("content-usage", 2, 610), "no value", null, Instant),
    ];

    [Fact]
    public void every_output_table_has_one_description_in_the_contracts_order() =>
        Assert.Equal(OutputTables.All, OutputTableDescriptions.All.Select(t => t.Name));

    [Fact]
    public void every_output_table_has_a_row_type_checked_here() =>
        Assert.Equal(OutputTables.All.Order(), Rows.Select(r => r.Data.Table).Distinct().Order());

    [Theory]
    [MemberData(nameof(Rows))]
    public void a_rows_json_has_the_described_columns_in_order_and_of_their_types(OutputRow row)
    {
        var description = OutputTableDescriptions.Of(row.Table);
        using var json = JsonDocument.Parse(RowJson.ToText(row));

        var properties = json.RootElement.EnumerateObject().ToList();

        Assert.Equal(description.Columns.Select(c => c.Name), properties.Select(p => p.Name));
        foreach (var (column, property) in description.Columns.Zip(properties))
        {
            Assert.True(Fits(column, property.Value), $"{row.Table}.{column.Name} is {column.Type}, the row wrote {property.Value.GetRawText()}");
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void a_rows_key_has_one_part_per_key_column(OutputRow row) =>
        Assert.Equal(OutputTableDescriptions.Of(row.Table).KeyCount, row.Key.Split('|').Length);

    private static bool Fits(OutputColumn column, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => column.Nullable,
        JsonValueKind.Number => column.Type is ColumnType.Integer ? value.TryGetInt32(out _) : column.Type is ColumnType.Bigint && value.TryGetInt64(out _),
        JsonValueKind.String => column.Type switch
        {
            ColumnType.Text => column.AllowedValues?.Contains(value.GetString()!) ?? true,
            ColumnType.Date => DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", out _),
            ColumnType.Timestamptz => value.TryGetDateTimeOffset(out _),
            ColumnType.Bytea => value.TryGetBytesFromBase64(out _),
            _ => false,
        },
        _ => false,
    };
}
