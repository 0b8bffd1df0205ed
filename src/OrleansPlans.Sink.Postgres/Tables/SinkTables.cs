using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Sink.Postgres.Tables;

/// <summary>The contract's section-3 tables as the sink writes them (column names = JSON property names).</summary>
internal static class SinkTables
{
    public static readonly IReadOnlyDictionary<string, SinkTable> ByName = new SinkTable[]
    {
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
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);
}
