using Npgsql;
using OrleansPlans.Host.DataProtection;
using OrleansPlans.Postgres.Migrations;

namespace OrleansPlans.Host.Tests;

/// <summary>A private PostgreSQL server with the data-protection key ring's table migrated, shared by a test class's hosts.</summary>
public sealed class KeyRingDatabase : PostgresServerFixture
{
    public string ConnectionString { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        ConnectionString = await CreateDatabaseAsync("keyring");
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await PostgresMigrator.ApplyAsync(dataSource, DataProtectionMigrations.Set);
    }

    /// <summary>How many data-protection keys (and revocations) the table holds.</summary>
    public async Task<long> KeyCountAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        return (long)(await dataSource.CreateCommand("select count(*) from data_protection_keys").ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
