using Npgsql;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Projection.Tests;

/// <summary>Reads the analytics tables back into the domain's rows, described as "table|key|json" for set comparison.</summary>
internal static class TableReader
{
    public static string Describe(OutputRow row) => $"{row.Table}|{row.Key}|{RowJson.ToText(row)}";

    public static async Task<HashSet<string>> ReadAllAsync(NpgsqlDataSource dataSource, string schema = "analytics")
    {
        var rows = new HashSet<string>();
        await ReadAsync(dataSource, $"select plan_id, hour_start, seconds, events from {schema}.plan_usage_hourly",
            r => new PlanUsageHourlyRow(r.GetString(0), r.GetDateTime(1), r.GetInt64(2), r.GetInt64(3)), rows);
        await ReadAsync(dataSource, $"select plan_id, day, seconds, events, active_users from {schema}.plan_usage_daily",
            r => new PlanUsageDailyRow(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)), rows);
        await ReadAsync(dataSource, $"select plan_id, month, seconds, events, active_users from {schema}.plan_usage_monthly",
            r => new PlanUsageMonthlyRow(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)), rows);
        await ReadAsync(dataSource, $"select plan_id, content_id, seconds, events from {schema}.plan_content_usage",
            r => new PlanContentUsageRow(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3)), rows);
        await ReadAsync(dataSource, $"select plan_id, user_id, member_since from {schema}.plan_members",
            r => new PlanMemberRow(r.GetString(0), r.GetString(1), r.GetDateTime(2)), rows);
        await ReadAsync(dataSource, $"select plan_id, status, merged_into, member_count from {schema}.plans",
            r => new PlanRow(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3)), rows);
        await ReadAsync(dataSource, $"select day, seconds, events from {schema}.unattributed_usage_daily",
            r => new UnattributedUsageDailyRow(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetInt64(2)), rows);
        await ReadAsync(dataSource, $"select source_topic, source_partition, source_offset, reason, raw_value, received_at from {schema}.dead_letters",
            r => new DeadLetterRow(new SourcePosition(r.GetString(0), r.GetInt32(1), r.GetInt64(2)), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetFieldValue<byte[]>(4), new DateTimeOffset(r.GetDateTime(5))), rows);
        return rows;
    }

    public static async Task<Dictionary<(string Topic, int Partition), long>> ReadOffsetsAsync(NpgsqlDataSource dataSource, string consumerGroup, string schema = "analytics")
    {
        await using var command = dataSource.CreateCommand($"select topic, partition, next_offset from {schema}.sink_offsets where consumer_group = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = consumerGroup });
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var offsets = new Dictionary<(string, int), long>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            offsets[(reader.GetString(0), reader.GetInt32(1))] = reader.GetInt64(2);
        }

        return offsets;
    }

    private static async Task ReadAsync(NpgsqlDataSource dataSource, string sql, Func<NpgsqlDataReader, OutputRow> map, HashSet<string> rows)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(Describe(map(reader)));
        }
    }
}
