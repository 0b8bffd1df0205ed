using Npgsql;
using OrleansPlans.Postgres.Migrations;

namespace OrleansPlans.Persistence.Postgres.Tests;

public sealed class PostgresMigratorTests(PostgresServerFixture server)
{
    private static readonly MigrationSet TestSet = TestMigrationSet.Instance;

    // The statements the Orleans 10 ADO.NET clustering, persistence and reminder providers load by key.
    private static readonly string[] ProviderQueryKeys =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task migrations_apply_once_in_order_and_reapplying_is_a_no_op()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("migrate_once"));

        var first = await PostgresMigrator.ApplyAsync(dataSource, OrleansPostgresMigrations.Set, ct);
        var second = await PostgresMigrator.ApplyAsync(dataSource, OrleansPostgresMigrations.Set, ct);

        Assert.Equal(OrleansPostgresMigrations.Set.Migrations.Select(m => m.Version), first.Applied.Select(m => m.Version));
        Assert.Empty(second.Applied);
        Assert.Equal(first.CurrentVersion, second.CurrentVersion);
        Assert.Equal(
            OrleansPostgresMigrations.Set.Migrations.Select(m => (m.Version, m.Checksum)),
            await HistoryAsync(dataSource, OrleansPostgresMigrations.SetKey, ct));
    }

    [Fact]
    public async Task the_orleans_migrations_provide_every_query_the_providers_load()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("migrate_queries"));
        await PostgresMigrator.ApplyAsync(dataSource, OrleansPostgresMigrations.Set, ct);

        var keys = new List<string>();
        await using (var command = dataSource.CreateCommand("SELECT QueryKey, QueryText FROM OrleansQuery"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                keys.Add(reader.GetString(reader.GetOrdinal("QueryKey")));
            }
        }

        Assert.Equal(ProviderQueryKeys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task concurrent_application_from_two_tasks_applies_each_version_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await server.CreateDatabaseAsync("migrate_race");
        await using var a = NpgsqlDataSource.Create(connectionString);
        await using var b = NpgsqlDataSource.Create(connectionString);

        var reports = await Task.WhenAll(
            Task.Run(() => PostgresMigrator.ApplyAsync(a, OrleansPostgresMigrations.Set, ct), ct),
            Task.Run(() => PostgresMigrator.ApplyAsync(b, OrleansPostgresMigrations.Set, ct), ct));

        Assert.Equal(OrleansPostgresMigrations.Set.Migrations.Count, reports.Sum(r => r.Applied.Count));
        Assert.Equal(OrleansPostgresMigrations.Set.Migrations.Count, (await HistoryAsync(a, OrleansPostgresMigrations.SetKey, ct)).Count);
    }

    [Fact]
    public async Task another_assembly_contributes_its_own_set_with_its_own_history_key()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("migrate_sets"));

        await PostgresMigrator.ApplyAsync(dataSource, OrleansPostgresMigrations.Set, ct);
        var report = await PostgresMigrator.ApplyAsync(dataSource, TestSet, ct);

        Assert.Equal([1, 2], report.Applied.Select(m => m.Version));
        Assert.Equal(2, report.CurrentVersion);
        Assert.Equal(2, (await HistoryAsync(dataSource, "test_analytics", ct)).Count);
        await using var insert = dataSource.CreateCommand("insert into test_analytics.plan_totals (plan_id, seconds, events) values ('p', 5, 1) returning events");
        Assert.Equal(1L, await insert.ExecuteScalarAsync(ct));
    }

    [Fact]
    public async Task an_applied_script_that_was_edited_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("migrate_edited"));
        await PostgresMigrator.ApplyAsync(dataSource, TestSet, ct);

        var edited = new MigrationSet(TestSet.Key, TestSet.Migrations.Select(m => m.Version == 1 ? m with { Sql = m.Sql + "\n-- edited" } : m));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresMigrator.ApplyAsync(dataSource, edited, ct));
        Assert.Contains("0001_create_schema", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_failing_migration_rolls_back_and_is_not_recorded()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("migrate_failing"));
        var set = new MigrationSet("failing", [
            new Migration(1, "good", "create table good_one (id int);"),
            new Migration(2, "bad", "create table half_done (id int); select * from no_such_table;"),
        ]);

        await Assert.ThrowsAsync<PostgresException>(() => PostgresMigrator.ApplyAsync(dataSource, set, ct));

        Assert.Equal([(1, set.Migrations[0].Checksum)], await HistoryAsync(dataSource, "failing", ct));
        await using var exists = dataSource.CreateCommand("select to_regclass('half_done') is null");
        Assert.True((bool)(await exists.ExecuteScalarAsync(ct))!);
    }

    private static async Task<List<(int Version, string Checksum)>> HistoryAsync(NpgsqlDataSource dataSource, string setKey, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select version, checksum from {PostgresMigrator.HistoryTable} where set_key = $1 order by version");
        command.Parameters.Add(new NpgsqlParameter { Value = setKey });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(int, string)>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return rows;
    }
}
