using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Postgres.Migrations;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Projection.Tests;

/// <summary>The analytics migrations and the analyst views on a small hand-made data set.</summary>
public sealed class AnalyticsSchemaTests(PostgresServerFixture postgres)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task migrations_create_the_schema_once_and_a_second_run_changes_nothing()
    {
        await using var database = await postgres.CreateDataSourceAsync("migrate");

        var first = await AnalyticsSchema.MigrateAsync(database, cancellationToken: Cancellation);
        var second = await AnalyticsSchema.MigrateAsync(database, cancellationToken: Cancellation);

        Assert.Equal(4, first.Applied.Count);
        Assert.Empty(second.Applied);
        Assert.Equal(first.CurrentVersion, second.CurrentVersion);
        Assert.Equal(
            ["dead_letters", "plan_content_usage", "plan_members", "plan_merge_history", "plan_top_content", "plan_usage_daily",
             "plan_usage_hourly", "plan_usage_monthly", "plans", "sink_offsets", "unattributed_usage_daily"],
            await ScalarsAsync<string>(database, "select table_name::text from information_schema.tables where table_schema = 'analytics' order by 1"));
    }

    [Fact]
    public async Task the_tables_have_the_described_columns_types_nullability_and_primary_keys()
    {
        await using var database = await postgres.CreateDataSourceAsync("columns");
        await AnalyticsSchema.MigrateAsync(database, cancellationToken: Cancellation);

        var columns = await ScalarsAsync<string>(database, """
            select c.table_name || '.' || c.column_name || ':' || c.data_type
                   || case when c.is_nullable = 'YES' then ' null' else '' end
                   || case when k.column_name is null then '' else ' pk' end
            from information_schema.columns c
            left join information_schema.key_column_usage k
              on k.table_schema = c.table_schema and k.table_name = c.table_name and k.column_name = c.column_name
             and k.constraint_name like '%_pkey'
            where c.table_schema = 'analytics' and c.table_name in (select table_name from information_schema.tables where table_schema = 'analytics' and table_type = 'BASE TABLE')
              and c.table_name <> 'sink_offsets'
            order by c.table_name, c.ordinal_position
            """);

        // The one description the sink writes and the row JSON is tested against (OutputTableDescriptions).
        var described = OutputTableDescriptions.All
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => t.Columns.Select((c, i) => $"{t.Name}.{c.Name}:{SqlType(c.Type)}{(c.Nullable ? " null" : "")}{(i < t.KeyCount ? " pk" : "")}"));
        Assert.Equal(described, columns);
    }

    [Fact]
    public async Task a_configured_schema_gets_its_own_tables_and_history()
    {
        await using var database = await postgres.CreateDataSourceAsync("custom_schema");

        var report = await AnalyticsSchema.MigrateAsync(database, "reporting_2", cancellationToken: Cancellation);
        var defaultReport = await AnalyticsSchema.MigrateAsync(database, cancellationToken: Cancellation);

        Assert.Equal("analytics:reporting_2", report.SetKey);
        Assert.Equal(4, report.Applied.Count);
        Assert.Equal(4, defaultReport.Applied.Count);
        Assert.Equal([0L], await ScalarsAsync<long>(database, "select count(*) from reporting_2.plan_usage_monthly"));
    }

    [Theory]
    [InlineData("Analytics")]
    [InlineData("analytics; drop table x")]
    [InlineData("1st")]
    [InlineData("")]
    [InlineData("a\"b")]
    public void unsafe_schema_names_are_refused(string schema)
    {
        Assert.False(AnalyticsSchema.IsValidSchemaName(schema));
        Assert.Throws<ArgumentException>(() => AnalyticsSchema.Migrations(schema));
        Assert.Contains(PostgresSinkOptionsValidator.Problems(new PostgresSinkOptions { Schema = schema, BootstrapServers = "127.0.0.1:9092" }),
            p => p.StartsWith("PostgresSinkOptions.Schema", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_views_rank_content_and_list_merges()
    {
        await using var database = await postgres.CreateDataSourceAsync("views");
        await AnalyticsSchema.MigrateAsync(database, cancellationToken: Cancellation);
        await ExecuteAsync(database, """
            insert into analytics.plan_content_usage (plan_id, content_id, seconds, events) values
              ('plan-a', 'course-1', 300, 3), ('plan-a', 'course-2', 500, 1), ('plan-a', 'course-3', 100, 9),
              ('plan-b', 'course-1', 5, 1);
            insert into analytics.plans (plan_id, status, merged_into, member_count) values
              ('plan-a', 'active', null, 4), ('plan-b', 'active', null, 1),
              ('plan-c', 'merged', 'plan-a', 0), ('plan-d', 'merged', 'plan-a', 0);
            """);

        Assert.Equal(
            ["plan-a 1 course-2 500", "plan-a 2 course-1 300", "plan-a 3 course-3 100", "plan-b 1 course-1 5"],
            await ScalarsAsync<string>(database, "select concat_ws(' ', plan_id, rank, content_id, seconds) from analytics.plan_top_content order by plan_id, rank"));
        Assert.Equal(
            ["plan-c plan-a", "plan-d plan-a"],
            await ScalarsAsync<string>(database, "select concat_ws(' ', merged_plan_id, survivor_plan_id) from analytics.plan_merge_history order by 1"));
    }

    [Fact]
    public async Task migration_4_replaces_the_monthly_view_by_a_table_with_active_users_under_the_same_name()
    {
        await using var database = await postgres.CreateDataSourceAsync("monthly_upgrade");
        var all = AnalyticsSchema.Migrations();
        await PostgresMigrator.ApplyAsync(database, new MigrationSet(all.Key, all.Migrations.Take(3)), NullLogger.Instance, Cancellation);
        await ExecuteAsync(database, """
            insert into analytics.plan_usage_daily (plan_id, day, seconds, events, active_users) values ('plan-a', '2026-03-01', 100, 2, 1);
            """);
        Assert.Equal(["VIEW"], await ScalarsAsync<string>(database, "select table_type::text from information_schema.tables where table_schema = 'analytics' and table_name = 'plan_usage_monthly'"));

        var upgrade = await AnalyticsSchema.MigrateAsync(database, cancellationToken: Cancellation);
        await ExecuteAsync(database, """
            insert into analytics.plan_usage_monthly (plan_id, month, seconds, events, active_users) values ('plan-a', '2026-03-01', 100, 2, 1);
            """);

        Assert.Single(upgrade.Applied);
        Assert.Equal(["BASE TABLE"], await ScalarsAsync<string>(database, "select table_type::text from information_schema.tables where table_schema = 'analytics' and table_name = 'plan_usage_monthly'"));
        // An analyst's query of the view still runs, and now has active_users.
        Assert.Equal(
            ["plan-a 2026-03-01 100 2 1"],
            await ScalarsAsync<string>(database, "select concat_ws(' ', plan_id, month, seconds, events, active_users) from analytics.plan_usage_monthly order by plan_id, month"));
    }

    // As information_schema.columns.data_type names them.
    private static string SqlType(ColumnType type) => type switch
    {
        ColumnType.Text => "text",
        ColumnType.Timestamptz => "timestamp with time zone",
        ColumnType.Date => "date",
        ColumnType.Integer => "integer",
        ColumnType.Bigint => "bigint",
        ColumnType.Bytea => "bytea",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Cancellation);
    }

    private static async Task<List<T>> ScalarsAsync<T>(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var values = new List<T>();
        while (await reader.ReadAsync(Cancellation))
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
