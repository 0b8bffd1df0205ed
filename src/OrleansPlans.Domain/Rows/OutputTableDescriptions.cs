namespace OrleansPlans.Domain.Rows;

/// <summary>
/// The one description of the contract's section-3 tables: the sink writes its columns, the row types' JSON writers
/// and the analytics migrations are tested against it (adding a column is an edit here, in the row type and a migration).
/// </summary>
public static class OutputTableDescriptions
{
    /// <summary>Every table, in <see cref="OutputTables.All"/>'s order.</summary>
    public static readonly IReadOnlyList<OutputTable> All =
    [
        new(OutputTables.PlanUsageHourly, 2,
            new("plan_id", ColumnType.Text), new("hour_start", ColumnType.Timestamptz),
            new("seconds", ColumnType.Bigint), new("events", ColumnType.Bigint)),
        new(OutputTables.PlanUsageDaily, 2,
            new("plan_id", ColumnType.Text), new("day", ColumnType.Date),
            new("seconds", ColumnType.Bigint), new("events", ColumnType.Bigint), new("active_users", ColumnType.Bigint)),
        new(OutputTables.PlanUsageMonthly, 2,
            new("plan_id", ColumnType.Text), new("month", ColumnType.Date),
            new("seconds", ColumnType.Bigint), new("events", ColumnType.Bigint), new("active_users", ColumnType.Bigint)),
        new(OutputTables.PlanContentUsage, 2,
            new("plan_id", ColumnType.Text), new("content_id", ColumnType.Text),
            new("seconds", ColumnType.Bigint), new("events", ColumnType.Bigint)),
        new(OutputTables.PlanMembers, 2,
            new("plan_id", ColumnType.Text), new("user_id", ColumnType.Text), new("member_since", ColumnType.Timestamptz)),
        new(OutputTables.Plans, 1,
            new("plan_id", ColumnType.Text),
            new("status", ColumnType.Text, AllowedValues: new HashSet<string>(StringComparer.Ordinal) { PlanRow.Active, PlanRow.Merged }),
            new("merged_into", ColumnType.Text, Nullable: true), new("member_count", ColumnType.Bigint)),
        new(OutputTables.UnattributedUsageDaily, 1,
            new("day", ColumnType.Date), new("seconds", ColumnType.Bigint), new("events", ColumnType.Bigint)),
        new(OutputTables.DeadLetters, 3,
            new("source_topic", ColumnType.Text), new("source_partition", ColumnType.Integer), new("source_offset", ColumnType.Bigint),
            new("reason", ColumnType.Text), new("raw_value", ColumnType.Bytea, Nullable: true), new("received_at", ColumnType.Timestamptz)),
    ];

    private static readonly Dictionary<string, OutputTable> ByName = All.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The description of <paramref name="table"/>.</summary>
    /// <exception cref="ArgumentException">Not one of <see cref="OutputTables.All"/>.</exception>
    public static OutputTable Of(string table) =>
        ByName.TryGetValue(table, out var description) ? description : throw new ArgumentException($"'{table}' is not an output table.", nameof(table));
}
