using Npgsql;

namespace OrleansPlans.Cli.Tests;

/// <summary><c>migrate</c> against a private PostgreSQL server.</summary>
public sealed class MigrateCommandTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task migrate_applies_the_orleans_and_analytics_migrations_once_and_then_reports_up_to_date()
    {
        var connection = await postgres.CreateDatabaseAsync("migrate");
        var cli = new CliRunner();

        var first = await cli.RunAsync("migrate", "--connection", connection);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("orleans: applied 0002_orleans_clustering", first.Out, StringComparison.Ordinal);
        Assert.Contains("analytics: applied 0001_tables", first.Out, StringComparison.Ordinal);
        Assert.Contains("analytics: now at version 4", first.Out, StringComparison.Ordinal);

        await using (var dataSource = NpgsqlDataSource.Create(connection))
        await using (var command = dataSource.CreateCommand(
            "select count(*) from information_schema.tables where table_name in ('orleans_membership', 'plan_usage_hourly', 'sink_offsets')"))
        {
            Assert.Equal(3L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }

        // The connection string may also come from the environment.
        cli.Environment["ORLEANSPLANS_POSTGRES"] = connection;
        var second = await cli.RunAsync("migrate");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("orleans: up to date at version 5", second.Out, StringComparison.Ordinal);
        Assert.Contains("analytics: up to date at version 4", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task migrate_into_another_schema_and_against_an_unreachable_server()
    {
        var connection = await postgres.CreateDatabaseAsync("schema");
        var other = await new CliRunner().RunAsync("migrate", "--connection", connection, "--schema", "reports");
        Assert.True(other.ExitCode == 0, other.ToString());
        Assert.Contains("analytics:reports: now at version 4", other.Out, StringComparison.Ordinal);

        var down = await new CliRunner().RunAsync("migrate", "--connection", "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2");
        Assert.Equal(1, down.ExitCode);
        Assert.Contains("error: PostgreSQL: Failed to connect to 127.0.0.1:1", down.Error, StringComparison.Ordinal);
    }
}
