namespace OrleansPlans.Cli.Tests;

/// <summary>
/// <c>reprocess switch|drop</c> against a private PostgreSQL server, with <c>--force</c> so no Kafka is needed (the
/// caught-up check, <c>start</c> and <c>status</c> run against real hosts in the acceptance test <c>ReprocessTests</c>).
/// </summary>
public sealed class ReprocessCommandTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task switches_move_analytics_from_the_base_tables_to_views_of_each_version_and_drop_removes_a_retired_one()
    {
        var connection = await postgres.CreateDatabaseAsync("reprocess");
        var cli = new CliRunner();
        foreach (var schema in new[] { "analytics", "analytics_v2", "analytics_v3" })
        {
            var migrated = await cli.RunAsync("migrate", "--connection", connection, "--schema", schema);
            Assert.True(migrated.ExitCode == 0, migrated.ToString());
            await Database.ExecuteAsync(connection, $"insert into {schema}.plans values ('plan-of-{schema}', 'active', null, 1)");
        }

        // v3 gains a table the serving versions do not have.
        await Database.ExecuteAsync(connection, "create table analytics_v3.plan_usage_weekly (plan_id text, week date, seconds bigint)");
        await Database.ExecuteAsync(connection, "insert into grain_state (state_name, grain_id, version, payload) values ('user', 'user/1', 1, ''::bytea), ('v2/user', 'user/1', 1, ''::bytea)");

        var toV2 = await cli.RunAsync("reprocess", "switch", "v2", "--force", "--connection", connection);
        Assert.True(toV2.ExitCode == 0, toV2.ToString());
        Assert.Contains("Switched analytics from base to v2 in one transaction", toV2.Out, StringComparison.Ordinal);
        Assert.Equal(["plan-of-analytics_v2"], await Database.RowsAsync(connection, "select plan_id from analytics.plans"));
        Assert.Equal(["plan-of-analytics"], await Database.RowsAsync(connection, "select plan_id from analytics_base.plans"));
        // The base tables took their migration history along; the serving schema has views only, and no sink_offsets
        // through which the base version's sink could still commit.
        Assert.Equal(["analytics:analytics_base", "analytics:analytics_v2", "analytics:analytics_v3"],
            await Database.RowsAsync(connection, "select distinct set_key from schema_migrations where set_key like 'analytics%' order by 1"));
        Assert.Equal(["VIEW"], await Database.RowsAsync(connection, "select distinct table_type from information_schema.tables where table_schema = 'analytics'"));
        Assert.Equal(["null"], await Database.RowsAsync(connection, "select to_regclass('analytics.sink_offsets')::text"));
        // A retired base host starting again fails at its migrations instead of creating tables among the views.
        var retiredBase = await cli.RunAsync("migrate", "--connection", connection);
        Assert.Equal(1, retiredBase.ExitCode);
        Assert.Contains("already exists", retiredBase.Error, StringComparison.Ordinal);
        Assert.Equal(["VIEW"], await Database.RowsAsync(connection, "select distinct table_type from information_schema.tables where table_schema = 'analytics'"));

        // An analyst's own view on the serving names survives the next switch and follows it.
        await Database.ExecuteAsync(connection, "create view analytics.my_active_plans as select plan_id from analytics.plans where status = 'active'");
        var toV3 = await cli.RunAsync("reprocess", "switch", "v3", "--force", "--connection", connection);
        Assert.True(toV3.ExitCode == 0, toV3.ToString());
        Assert.Equal(["plan-of-analytics_v3"], await Database.RowsAsync(connection, "select plan_id from analytics.my_active_plans"));
        Assert.Equal(["0"], await Database.RowsAsync(connection, "select count(*) from analytics.plan_usage_weekly"));

        // A migration adds a column to the serving version's table: switching to it again refreshes the views.
        await Database.ExecuteAsync(connection, "alter table analytics_v3.plans add column region text");
        var again = await cli.RunAsync("reprocess", "switch", "v3", "--connection", connection);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Version v3 already served analytics; its views onto analytics_v3 were refreshed", again.Out, StringComparison.Ordinal);
        Assert.Equal(["plan-of-analytics_v3|null"], await Database.RowsAsync(connection, "select plan_id, region from analytics.plans"));
        Assert.Equal(["plan-of-analytics_v3"], await Database.RowsAsync(connection, "select plan_id from analytics.my_active_plans"));

        var dropServing = await cli.RunAsync("reprocess", "drop", "v3", "--yes", "--connection", connection);
        Assert.Equal(1, dropServing.ExitCode);
        Assert.Contains("Version v3 serves analytics", dropServing.Error, StringComparison.Ordinal);

        var drop = await cli.RunAsync("reprocess", "drop", "v2", "--yes", "--connection", connection);
        Assert.True(drop.ExitCode == 0, drop.ToString());
        Assert.Contains("schema analytics_v2, 1 grain states", drop.Out, StringComparison.Ordinal);
        Assert.Equal(["analytics", "analytics_base", "analytics_v3"],
            await Database.RowsAsync(connection, "select nspname from pg_namespace where nspname like 'analytics%' order by 1"));
        Assert.Equal(["user"], await Database.RowsAsync(connection, "select state_name from grain_state"));
        Assert.Equal(["plan-of-analytics_v3"], await Database.RowsAsync(connection, "select plan_id from analytics.plans"));
    }

    [Fact]
    public async Task a_transaction_reading_the_serving_tables_finishes_on_the_old_version_and_the_switch_follows_it()
    {
        var connection = await postgres.CreateDatabaseAsync("reprocess_locks");
        var cli = new CliRunner();
        foreach (var schema in new[] { "analytics", "analytics_v2" })
        {
            Assert.Equal(0, (await cli.RunAsync("migrate", "--connection", connection, "--schema", schema)).ExitCode);
            await Database.ExecuteAsync(connection, $"insert into {schema}.plans values ('plan-of-{schema}', 'active', null, 1)");
            await Database.ExecuteAsync(connection, $"insert into {schema}.unattributed_usage_daily values ('2026-03-01', 1, 1)");
        }

        // An analyst's transaction has read one table of the base version when the switch starts.
        await using var analyst = new Npgsql.NpgsqlConnection(connection);
        await analyst.OpenAsync(TestContext.Current.CancellationToken);
        await using var snapshot = await analyst.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, TestContext.Current.CancellationToken);
        Assert.Equal("1", await ScalarAsync(analyst, "select count(*) from analytics.unattributed_usage_daily"));
        var switching = cli.RunAsync("reprocess", "switch", "v2", "--force", "--connection", connection);
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        Assert.False(switching.IsCompleted, "the switch must wait for the transaction that read the old version");

        // The rest of that transaction still reads the base version (no mix), and is never made a deadlock victim.
        Assert.Equal("plan-of-analytics", await ScalarAsync(analyst, "select plan_id from analytics.plans"));
        await snapshot.CommitAsync(TestContext.Current.CancellationToken);

        var switched = await switching;
        Assert.True(switched.ExitCode == 0, switched.ToString());
        Assert.Equal("plan-of-analytics_v2", await ScalarAsync(analyst, "select plan_id from analytics.plans"));
    }

    [Fact]
    public async Task a_version_that_was_never_started_cannot_serve_and_bad_arguments_are_refused()
    {
        var connection = await postgres.CreateDatabaseAsync("reprocess_refused");
        var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("migrate", "--connection", connection)).ExitCode);

        var notStarted = await cli.RunAsync("reprocess", "switch", "v9", "--force", "--connection", connection);
        Assert.Equal(1, notStarted.ExitCode);
        Assert.Contains("Schema analytics_v9 has no tables of version v9: start it first", notStarted.Error, StringComparison.Ordinal);
        Assert.Equal(["BASE TABLE"], await Database.RowsAsync(connection, "select table_type from information_schema.tables where table_schema = 'analytics' and table_name = 'plans'"));

        var badName = await cli.RunAsync("reprocess", "start", "V2!", "--connection", connection);
        Assert.Equal(2, badName.ExitCode);
        Assert.Contains("VERSION must be 1 to 20 lower-case letters", badName.Error, StringComparison.Ordinal);

        var unconfirmed = await cli.RunAsync("reprocess", "drop", "v2", "--connection", connection);
        Assert.Equal(1, unconfirmed.ExitCode);
        Assert.Contains("pass --yes to confirm", unconfirmed.Error, StringComparison.Ordinal);

        var startBase = await cli.RunAsync("reprocess", "start", "base", "--connection", connection, "--bootstrap", "127.0.0.1:1");
        Assert.Equal(1, startBase.ExitCode);
        Assert.Contains("'base' is the deployment run without Pipeline:Version", startBase.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", startBase.Error, StringComparison.Ordinal);
    }

    private static async Task<string?> ScalarAsync(Npgsql.NpgsqlConnection connection, string sql)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
