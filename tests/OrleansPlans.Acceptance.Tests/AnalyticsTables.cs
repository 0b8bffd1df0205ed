using Npgsql;
using OrleansPlans.Oracle;

namespace OrleansPlans.Acceptance.Tests;

/// <summary>Reads the eight analytics tables into the oracle's comparable shape (through <see cref="RowFormat"/>).</summary>
internal static class AnalyticsTables
{
    /// <summary>Every row of every table in <paramref name="schema"/>; dead letters by position only.</summary>
    public static async Task<CanonicalTables> ReadAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        var tables = CanonicalTables.Empty();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for all eight tables, so a sink transaction cannot land between two of them.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await ReadAsync(connection, $"select plan_id, hour_start, seconds, events from {schema}.plan_usage_hourly", r =>
            tables.Add(TableNames.PlanUsageHourly, RowFormat.UsageHourly(r.GetString(0), r.GetDateTime(1), r.GetInt64(2), r.GetInt64(3))), cancellationToken);
        await ReadAsync(connection, $"select plan_id, day, seconds, events, active_users from {schema}.plan_usage_daily", r =>
            tables.Add(TableNames.PlanUsageDaily, RowFormat.UsageDaily(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4))), cancellationToken);
        await ReadAsync(connection, $"select plan_id, month, seconds, events, active_users from {schema}.plan_usage_monthly", r =>
            tables.Add(TableNames.PlanUsageMonthly, RowFormat.UsageMonthly(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4))), cancellationToken);
        await ReadAsync(connection, $"select plan_id, content_id, seconds, events from {schema}.plan_content_usage", r =>
            tables.Add(TableNames.PlanContentUsage, RowFormat.ContentUsage(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3))), cancellationToken);
        await ReadAsync(connection, $"select plan_id, user_id, member_since from {schema}.plan_members", r =>
            tables.Add(TableNames.PlanMembers, RowFormat.Member(r.GetString(0), r.GetString(1), r.GetDateTime(2))), cancellationToken);
        await ReadAsync(connection, $"select plan_id, status, merged_into, member_count from {schema}.plans", r =>
            tables.Add(TableNames.Plans, RowFormat.Plan(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3))), cancellationToken);
        await ReadAsync(connection, $"select day, seconds, events from {schema}.unattributed_usage_daily", r =>
            tables.Add(TableNames.UnattributedUsageDaily, RowFormat.UnattributedDaily(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetInt64(2))), cancellationToken);
        await ReadAsync(connection, $"select source_topic, source_partition, source_offset from {schema}.dead_letters", r =>
            tables.Add(TableNames.DeadLetters, RowFormat.DeadLetter(r.GetString(0), r.GetInt32(1), r.GetInt64(2))), cancellationToken);
        return tables;
    }

    private static async Task ReadAsync(NpgsqlConnection connection, string sql, Action<NpgsqlDataReader> add, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            add(reader);
        }
    }
}
