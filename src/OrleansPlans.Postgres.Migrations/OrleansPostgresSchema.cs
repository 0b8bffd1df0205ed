using Npgsql;

namespace OrleansPlans.Postgres.Migrations;

/// <summary>Explicit migration of the Orleans tables, for tools and hosts that migrate before starting silos.</summary>
public static class OrleansPostgresSchema
{
    /// <summary>Applies the pending Orleans migrations to the database of <paramref name="connectionString"/>.</summary>
    public static async Task<MigrationReport> MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await PostgresMigrator.ApplyAsync(dataSource, OrleansPostgresMigrations.Set, cancellationToken).ConfigureAwait(false);
    }
}
