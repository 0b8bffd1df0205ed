using Npgsql;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Host.Reporting;

/// <summary>Reads the analytics tables back as rows, for the report an analyst would otherwise get from psql.</summary>
public static class AnalyticsReader
{
    /// <summary>The rows of the tables the report shows, read through the process's data source.</summary>
    public static async Task<IReadOnlyList<OutputRow>> ReadAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        var rows = new List<OutputRow>();
        await ReadAsync(dataSource, $"select plan_id, status, merged_into, member_count from {schema}.plans", r =>
            rows.Add(new PlanRow(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3))), cancellationToken);
        await ReadAsync(dataSource, $"select plan_id, day, seconds, events, active_users from {schema}.plan_usage_daily", r =>
            rows.Add(new PlanUsageDailyRow(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4))), cancellationToken);
        await ReadAsync(dataSource, $"select plan_id, month, seconds, events, active_users from {schema}.plan_usage_monthly", r =>
            rows.Add(new PlanUsageMonthlyRow(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4))), cancellationToken);
        await ReadAsync(dataSource, $"select plan_id, content_id, seconds, events from {schema}.plan_content_usage", r =>
            rows.Add(new PlanContentUsageRow(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3))), cancellationToken);
        await ReadAsync(dataSource, $"select day, seconds, events from {schema}.unattributed_usage_daily", r =>
            rows.Add(new UnattributedUsageDailyRow(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetInt64(2))), cancellationToken);
        await ReadAsync(dataSource, $"select source_topic, source_partition, source_offset, reason, received_at from {schema}.dead_letters", r =>
            rows.Add(new DeadLetterRow(new SourcePosition(r.GetString(0), r.GetInt32(1), r.GetInt64(2)), r.GetString(3), null, r.GetFieldValue<DateTimeOffset>(4))), cancellationToken);
        return rows;
    }

    private static async Task ReadAsync(NpgsqlDataSource dataSource, string sql, Action<NpgsqlDataReader> read, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            read(reader);
        }
    }
}
